import Foundation
@testable import Gateway
import Testing
import Wire

/// How a batch action's `filter` picks keys: parsed like a query string (a stray `=` or `&` is
/// harmless), an unknown status is refused, and a filter that names no condition never means
/// "every key": that has to be said (`status=all`), as the panel's own script does.
@Suite("Panel: key selection by filter", .serialized)
struct PanelKeySelectionTests {
    static let adminToken = PanelAccessTests.adminToken
    static let environment = PanelAccessTests.environment

    @Test func aPairWithoutANameDoesNotStopTheProcess() async throws {
        let keys = [testKey("pair-one"), testKey("pair-two")]
        try await GatewayHarness.run(keys: keys, environment: Self.environment) { harness in
            let panel = try await harness.panel(adminToken: Self.adminToken)
            for filter in ["status=all&=", "=&status=all", "status=all&&=x&", "status=all&=="] {
                let reset = try await panel.call(.POST, "/api/keys/actions", ["action": "reset", "filter": .string(filter)])
                #expect(reset.status == 200, "\(filter): \(reset.status) \(reset.body)")
                #expect(reset.json?["affected"]?.intValue == 2, "\(filter)")
            }
            let verify = try await panel.call(.POST, "/api/keys/verify", ["filter": "status=invalid&="])
            #expect(verify.status == 400, "no key is invalid, so nothing is selected: \(verify.body)")
            #expect(try await harness.generate().status == 200, "the gateway still answers")
        }
    }

    @Test func anUnknownStatusOrAnEmptyFilterSelectsNothing() async throws {
        let keys = [testKey("sel-one"), testKey("sel-two"), testKey("sel-three")]
        try await GatewayHarness.run(keys: keys, environment: Self.environment) { harness in
            let (panel, _) = try await PanelClient.login(
                harness.baseURL, token: Self.adminToken, headers: [("Accept-Language", "zh-CN")])
            for filter in ["status=zz", "", "q=", "page=2", "stat=all", "status=all&min_fail=lots", "status="] {
                for action in ["delete", "disable", "reset"] {
                    let reply = try await panel.call(.POST, "/api/keys/actions", ["action": .string(action), "filter": .string(filter)])
                    #expect(reply.status == 400, "\(action) with “\(filter)”: \(reply.status) \(reply.body)")
                    let message = reply.json?["error"]?["message"]?.stringValue ?? ""
                    #expect(containsChinese(message), "not translated: \(message)")
                }
                let verify = try await panel.call(.POST, "/api/keys/verify", ["filter": .string(filter)])
                #expect(verify.status == 400, "verify with “\(filter)”: \(verify.status)")
            }
            #expect(harness.services.settings.current.apiKeys == keys)
            #expect(keys.allSatisfy { harness.snapshot($0)?.record.status == .active })
            #expect(try await panel.call(.GET, "/api/keys?status=zz").status == 400)
        }
    }

    /// The filters the monitor's script sends: "verify all listed" carries the list's own filter,
    /// which always names its status tab.
    @Test func theFiltersThePanelSendsStillWork() async throws {
        let keys = [testKey("ui-alpha"), testKey("ui-beta"), testKey("ui-gamma")]
        try await GatewayHarness.run(keys: keys, environment: Self.environment) { harness in
            let panel = try await harness.panel(adminToken: Self.adminToken)
            let page = try await panel.get("/keys?q=ui_beta").body
            let marker = try #require(page.range(of: "data-filter=\""))
            let filter = String(page[marker.upperBound...].prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
            #expect(filter == "q=ui_beta&status=all")
            let disabled = try await panel.call(.POST, "/api/keys/actions", ["action": "disable", "filter": .string(filter)])
            #expect(disabled.json?["affected"]?.intValue == 1, "\(disabled.body)")
            #expect(harness.snapshot(keys[1])?.record.status == .disabled)

            let all = try await panel.call(.POST, "/api/keys/actions", ["action": "enable", "filter": "status=all"])
            #expect(all.json?["affected"]?.intValue == 3)
            let reset = try await panel.call(.POST, "/api/keys/actions", ["action": "reset", "filter": "status=active&min_fail=0"])
            #expect(reset.json?["affected"]?.intValue == 3, "\(reset.body)")
        }
    }
}
