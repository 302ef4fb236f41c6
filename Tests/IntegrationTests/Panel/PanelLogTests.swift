import Foundation
@testable import Gateway
import Testing
import Wire

@Suite("Panel: logs", .serialized)
struct PanelLogTests {
    static let adminToken = PanelAccessTests.adminToken
    static let environment = PanelAccessTests.environment
    static let evilModel = "<img src=x onerror=alert(1)>"
    static let evilKey = "\"><script>alert(2)</script>"

    @Test func hostileValuesInTheLogsAreShownAsText() async throws {
        try await GatewayHarness.run(keys: [testKey("xss")], environment: Self.environment) { harness in
            let encoded = Self.evilModel.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            _ = try await harness.post(
                "/v1beta/models/\(encoded):generateContent", body: #"{"contents":[{"parts":[{"text":"hi"}]}]}"#,
                token: harness.token)
            await harness.services.logs.flush()
            try await harness.services.storage.insertErrorLogs([
                ErrorLogEntry(time: Date(), apiKey: Self.evilKey, model: Self.evilModel, errorType: "<b>type</b>",
                              errorLog: "</pre><script>alert(3)</script>", errorCode: 400, requestBody: nil),
            ])
            try await harness.services.storage.insertRequestLogs([
                RequestLogEntry(time: Date(), model: Self.evilModel, apiKey: Self.evilKey, isSuccess: false, statusCode: 400, latencyMs: 1),
            ])
            let panel = try await harness.panel(adminToken: Self.adminToken)
            for path in ["/logs", "/logs/requests", "/keys", "/keys?attention=400"] {
                let body = try await panel.get(path).body
                #expect(!body.contains("<img src=x"), "\(path) has a raw <img>")
                #expect(!body.contains("<script>alert"), "\(path) has a raw <script>")
                #expect(!body.contains("<b>type"), "\(path)")
            }
            #expect(try await panel.get("/logs").body.contains("&lt;img src=x onerror=alert(1)&gt;"))
        }
    }

    @Test func extremePagingValuesAreClampedNotFatal() async throws {
        try await GatewayHarness.run(keys: [testKey("paging")], environment: Self.environment) { harness in
            let panel = try await harness.panel(adminToken: Self.adminToken)
            let huge = String(Int.max)
            for path in [
                "/logs?page=\(huge)&size=\(huge)", "/logs/requests?page=\(huge)", "/logs?page=-\(huge)&size=-1",
                "/keys?page=\(huge)&size=\(huge)", "/api/logs/errors?page=\(huge)&size=\(huge)",
                "/api/logs/requests?page=\(huge)", "/api/keys?page=\(huge)&size=\(huge)", "/logs?code=\(huge)9",
            ] {
                #expect(try await panel.get(path).status == 200, "\(path)")
            }
        }
    }

    @Test func errorLogsFilterShowDetailsRevealTheirKeyAndDelete() async throws {
        let key = testKey("errlog")
        try await GatewayHarness.run(keys: [key], environment: Self.environment.merging(["ERROR_LOG_RECORD_REQUEST_BODY": "true"]) { $1 }) { harness in
            for _ in 0..<2 { _ = try await harness.generate(model: "no-such-model", text: "remember me") }
            await harness.services.logs.flush()
            let panel = try await harness.panel(adminToken: Self.adminToken)
            let list = try #require(try await panel.call(.GET, "/api/logs/errors?model=no-such").json)
            #expect(list["total"]?.intValue == 2)
            let id = try #require(list["rows"]?.arrayValue?.first?["id"]?.intValue)
            #expect(list["rows"]?.arrayValue?.first?["key"]?.stringValue == Secret.mask(key))

            let detail = try #require(try await panel.call(.GET, "/api/logs/errors/\(id)").json)
            #expect(detail["requestBody"]?.stringValue?.contains("remember me") == true)
            #expect(detail["errorLog"]?.stringValue?.isEmpty == false)
            #expect(try await panel.call(.POST, "/api/logs/errors/\(id)/key").json?["key"]?.stringValue == key)

            let page = try await panel.get("/logs?code=404&sort=time&order=asc").body
            #expect(page.contains("data-log-id=\"\(id)\""))
            #expect(try await panel.get("/logs?code=500").body.contains("data-log-id=") == false)

            #expect(try await panel.call(.POST, "/api/logs/errors/delete", ["ids": .array([.int(Int64(id))])]).json?["deleted"]?.intValue == 1)
            #expect(try await panel.call(.POST, "/api/logs/errors/delete-all", [:]).status == 400)
            #expect(try await panel.call(.POST, "/api/logs/errors/delete-all", ["confirm": true]).json?["deleted"]?.intValue == 1)
        }
    }

    @Test func requestLogShowsWhichTokenMadeWhichCalls() async throws {
        let tokens = ["sk-team-alpha-000001", "sk-team-beta-0000002"]
        try await GatewayHarness.run(keys: [testKey("usage")], tokens: tokens, environment: Self.environment) { harness in
            for _ in 0..<3 { _ = try await harness.generate(token: tokens[0]) }
            _ = try await harness.generate(token: tokens[1])
            _ = try await harness.generate(token: Self.adminToken)
            await harness.services.logs.flush()
            let panel = try await harness.panel(adminToken: Self.adminToken)
            let page = try await panel.get("/logs/requests").body
            #expect(page.contains(Secret.mask(tokens[0])) && page.contains(Secret.mask(tokens[1])))
            #expect(page.contains("Admin token"))
            #expect(!page.contains(tokens[0]) && !page.contains(Self.adminToken))
            let alpha = try await panel.get("/logs/requests?token=\(Secret.fingerprint(tokens[0]))").body
            #expect(alpha.components(separatedBy: "class=\"badge status-active\"").count - 1 == 3)
            let admin = try await panel.get("/logs/requests?token=admin").body
            #expect(admin.components(separatedBy: "class=\"badge status-active\"").count - 1 == 1)
        }
    }
}
