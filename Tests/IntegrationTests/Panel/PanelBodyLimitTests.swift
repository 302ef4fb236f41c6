import Foundation
@testable import Gateway
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import Wire

/// A body over one of the panel's limits is the client's mistake: 413 naming the limit that
/// applied (in the admin's language), never a 500.
@Suite("Panel: body limits", .serialized)
struct PanelBodyLimitTests {
    static let adminToken = PanelAccessTests.adminToken
    static let environment = PanelAccessTests.environment

    @Test func oversizedPanelBodiesAre413WithTheirLimit() async throws {
        try await GatewayHarness.run(keys: [testKey("too-large")], environment: Self.environment) { harness in
            let panel = try await harness.panel(adminToken: Self.adminToken)

            let json = #"{"action":"reset","ids":[""# + String(repeating: "a", count: 17 << 20) + #""]}"#
            let api = try await panel.send(
                .POST, "/api/keys/actions", body: json, contentType: "application/json",
                headers: [("X-CSRF-Token", panel.csrf ?? "")])
            #expect(api.status == 413, "\(api.status) \(api.body.prefix(200))")
            #expect(api.json?["error"]?["message"]?.stringValue?.contains("16 MB") == true, "\(api.body.prefix(300))")

            let form = "csrf_token=x&filler=" + String(repeating: "b", count: 1 << 20)
            let logout = try await panel.send(
                .POST, "/logout", body: form, contentType: "application/x-www-form-urlencoded", headers: [])
            #expect(logout.status == 413, "\(logout.status) \(logout.body.prefix(200))")
            #expect(logout.json?["error"]?["message"]?.stringValue?.contains("1 MB") == true, "\(logout.body.prefix(300))")

            let login = try await PanelClient(baseURL: harness.baseURL).send(
                .POST, "/auth", body: "auth_token=" + String(repeating: "c", count: 65 * 1024),
                contentType: "application/x-www-form-urlencoded", headers: [("Accept-Language", "zh-CN")])
            #expect(login.status == 413, "\(login.status) \(login.body.prefix(200))")
            let message = login.json?["error"]?["message"]?.stringValue ?? ""
            #expect(message.contains("64 KB") && containsChinese(message), "\(message)")

            #expect(try await panel.get("/keys").status == 200, "the session still works")
        }
    }

    /// Hummingbird's own limit error, wherever it escapes from, is a 413 that names its limit.
    @Test func aTooManyBytesErrorIsRenderedAs413() async throws {
        let router = Router(context: GatewayRequestContext.self)
        router.add(middleware: ErrorRenderingMiddleware())
        router.post("/v1beta/too-many") { _, _ -> Response in throw NIOTooManyBytesError(maxBytes: 2 << 20) }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/v1beta/too-many", method: .post) { response in
                #expect(response.status == .contentTooLarge)
                let message = JSONValue(parsing: response.body.readableBytesView)?["error"]?["message"]?.stringValue ?? ""
                #expect(message.contains("2 MB"), "\(message)")
            }
        }
    }
}
