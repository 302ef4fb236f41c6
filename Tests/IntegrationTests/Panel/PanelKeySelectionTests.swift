import Foundation
@testable import Gateway
import Testing
import Wire

/// How a batch action's `filter` picks keys: parsed like a query string (a stray `=` or `&` is
/// harmless).
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
}
