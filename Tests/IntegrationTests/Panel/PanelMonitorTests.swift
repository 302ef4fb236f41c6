import Foundation
@testable import Gateway
import Testing
import Wire

@Suite("Panel: monitor figures and key actions", .serialized)
struct PanelMonitorTests {
    static let adminToken = PanelAccessTests.adminToken
    static let environment = PanelAccessTests.environment

    /// A known mix of calls: the figures for 1 min / 1 h / 24 h (page and API) equal the rows.
    @Test func monitorFiguresMatchTheRequestLog() async throws {
        let key = testKey("figures")
        try await GatewayHarness.run(keys: [key], environment: Self.environment) { harness in
            for _ in 0..<5 { #expect(try await harness.generate().status == 200) }
            // A model Google does not know: the client's mistake, answered at once, one failed row each.
            for _ in 0..<3 { #expect(try await harness.generate(model: "no-such-model").status == 404) }
            await harness.services.logs.flush()
            let now = Date()
            try await harness.services.storage.insertRequestLogs([
                RequestLogEntry(time: now.addingTimeInterval(-1_800), model: "m", apiKey: key, isSuccess: true, statusCode: 200, latencyMs: 5),
                RequestLogEntry(time: now.addingTimeInterval(-1_700), model: "m", apiKey: key, isSuccess: false, statusCode: 500, latencyMs: 5),
                RequestLogEntry(time: now.addingTimeInterval(-5 * 3_600), model: "m", apiKey: key, isSuccess: false, statusCode: 429, latencyMs: 5),
                RequestLogEntry(time: now.addingTimeInterval(-6 * 3_600), model: "m", apiKey: key, isSuccess: false, statusCode: 429, latencyMs: 5),
                RequestLogEntry(time: now.addingTimeInterval(-7 * 3_600), model: "m", apiKey: key, isSuccess: false, statusCode: 403, latencyMs: 5),
                RequestLogEntry(time: now.addingTimeInterval(-3 * 86_400), model: "m", apiKey: key, isSuccess: true, statusCode: 200, latencyMs: 5),
            ])
            let expected: [String: (Int, Int)] = ["1m": (5, 3), "1h": (6, 4), "24h": (6, 7)]

            let panel = try await harness.panel(adminToken: Self.adminToken)
            let summary = try #require(try await panel.call(.GET, "/api/stats/summary").json)
            let page = try await panel.get("/keys").body
            for (window, (ok, failed)) in expected {
                #expect(summary["calls"]?[window]?["success"]?.intValue == ok, "\(window) successes")
                #expect(summary["calls"]?[window]?["failure"]?.intValue == failed, "\(window) failures")
                #expect(Self.figure(window + "-total", in: page) == ok + failed, "\(window) total on the page")
                #expect(Self.figure(window + "-ok", in: page) == ok, "\(window) successes on the page")
                #expect(Self.figure(window + "-fail", in: page) == failed, "\(window) failures on the page")
            }
            // This month, counted with its history kept: the same as counting the rows afresh.
            let clock = PanelClock(timeZoneName: harness.services.settings.current[SettingCatalog.timezone].text ?? "UTC")
            let month = try #require(try await harness.services.storage.requestCounts(since: [clock.startOfMonth]).first)
            for _ in 0..<2 {
                let again = try #require(try await panel.call(.GET, "/api/stats/summary").json)
                #expect(again["calls"]?["month"]?["success"]?.intValue == month.successes)
                #expect(again["calls"]?["month"]?["failure"]?.intValue == month.failures)
            }
            #expect(Self.figure("month-total", in: try await panel.get("/keys").body) == month.total)
            #expect(summary["keys"]?["all"]?.intValue == 1)
            #expect(summary["keys"]?["active"]?.intValue == 1)

            // The detail table behind a tile lists exactly the window's rows.
            let details = try #require(try await panel.call(.GET, "/api/stats/details?period=1h&size=50").json)
            #expect(details["total"]?.intValue == 10)
            #expect(details["rows"]?.arrayValue?.first?["key"]?.stringValue == Secret.mask(key))
            let trend = try await panel.get("/keys?trend=24h").body
            #expect(trend.contains("<svg") && trend.contains("aria-current=\"true\" class=\"chip active\" href=\"/keys?trend=24h"))
        }
    }

    /// The number inside the element marked `data-figure="<name>"`, digits only.
    static func figure(_ name: String, in page: String) -> Int? {
        guard let marker = page.range(of: "data-figure=\"\(name)\">") else { return nil }
        let digits = page[marker.upperBound...].drop { !$0.isNumber }.prefix { $0.isNumber }
        return Int(digits)
    }

    @Test func keyActionsRevealDetailsAndBatchVerification() async throws {
        let keys = [testKey("act-good"), testKey("act-bad"), testKey("act-third")]
        let fake = FakeGeminiForPanel.make(invalid: keys[1])
        try await GatewayHarness.run(keys: keys, environment: Self.environment, fake: fake) { harness in
            let panel = try await harness.panel(adminToken: Self.adminToken)
            let ids = keys.map(KeyDirectory.id(of:))

            let revealed = try await panel.call(.POST, "/api/keys/reveal", ["ids": .array([.string(ids[0]), "unknown"])])
            #expect(revealed.json?["keys"]?[ids[0]]?.stringValue == keys[0])
            #expect(revealed.json?["keys"]?["unknown"] == nil)

            #expect(try await panel.call(.POST, "/api/keys/actions", ["action": "disable", "ids": .array([.string(ids[2])])]).status == 200)
            #expect(harness.snapshot(keys[2])?.record.status == .disabled)
            let list = try #require(try await panel.call(.GET, "/api/keys?status=disabled").json)
            #expect(list["total"]?.intValue == 1)
            #expect(list["items"]?.arrayValue?.first?["masked"]?.stringValue == Secret.mask(keys[2]))
            #expect(try await panel.call(.POST, "/api/keys/actions", ["action": "enable", "ids": .array([.string(ids[2])])]).status == 200)
            #expect(harness.snapshot(keys[2])?.record.status == .active)

            // Verify all three as a job and poll until it finishes.
            let started = try #require(try await panel.call(.POST, "/api/keys/verify", ["ids": .array(ids.map(JSONValue.string))]).json)
            let job = try #require(started["job"]?.stringValue)
            var report: JSONValue?
            for _ in 0..<100 {
                report = try await panel.call(.GET, "/api/keys/verify/\(job)").json
                if report?["finished"]?.boolValue == true { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(report?["done"]?.intValue == 3)
            let groups = report?["groups"]?.arrayValue?.compactMap { $0["group"]?.stringValue } ?? []
            #expect(Set(groups) == ["valid", "invalid-400"])
            #expect(harness.snapshot(keys[1])?.record.lastErrorCode == 400)

            let details = try #require(try await panel.call(.GET, "/api/keys/\(ids[0])/details").json)
            #expect(details["masked"]?.stringValue == Secret.mask(keys[0]))

            let reset = try await panel.call(.POST, "/api/keys/actions", ["action": "reset", "ids": .array([.string(ids[1])])])
            #expect(reset.json?["affected"]?.intValue == 1)
            #expect(harness.snapshot(keys[1])?.record.consecutiveFailures == 0)
        }
    }

    @Test func deletingKeysGoesThroughSettingsAndNeverSilentlyEmptiesThePool() async throws {
        let keys = [testKey("del-one"), testKey("del-two")]
        try await GatewayHarness.run(keys: keys, environment: Self.environment) { harness in
            let panel = try await harness.panel(adminToken: Self.adminToken)
            let ids = keys.map(KeyDirectory.id(of:))
            let first = try await panel.call(.POST, "/api/keys/actions", ["action": "delete", "ids": .array([.string(ids[0])])])
            #expect(first.status == 200)
            #expect(harness.services.settings.current.apiKeys == [keys[1]])
            #expect(try await harness.services.storage.loadSettings()["API_KEYS"]?.contains(keys[0]) == false)

            let last = try await panel.call(.POST, "/api/keys/actions", ["action": "delete", "ids": .array([.string(ids[1])])])
            #expect(last.status == 409)
            #expect(harness.services.settings.current.apiKeys == [keys[1]])
            let confirmed = try await panel.call(
                .POST, "/api/keys/actions", ["action": "delete", "ids": .array([.string(ids[1])]), "confirmLast": true])
            #expect(confirmed.status == 200)
            #expect(harness.services.settings.current.apiKeys.isEmpty)
        }
    }
}

import FakeGemini

enum FakeGeminiForPanel {
    static func make(invalid: String) -> FakeGemini {
        let fake = FakeGemini()
        fake.script(invalid, .invalidKey)
        return fake
    }
}
