import Foundation
@testable import Gateway
import Testing

/// Issue 5 item 8: the monitor page says whether the database answers, and since when it does not.
@Suite("Panel: gateway status")
struct PanelGatewayStatusTests {
    struct Unreachable: Error, CustomStringConvertible {
        var description: String { "connection refused" }
    }

    @Test func theMonitorShowsTheDatabaseAndItsOutage() async throws {
        try await GatewayHarness.run(keys: [testKey("status-a")], environment: PanelAccessTests.environment) { harness in
            let panel = try await harness.panel(adminToken: PanelAccessTests.adminToken)
            let healthy = try await panel.get("/keys").body
            #expect(healthy.contains("Gateway status"))
            #expect(healthy.contains("Working"))
            #expect(healthy.contains("sqlite"))
            #expect(!healthy.contains("Instances on this database"))

            harness.services.cluster.health.recordFailure(Unreachable())
            let outage = try await panel.get("/keys").body
            #expect(outage.contains("Unreachable since"))
            #expect(outage.contains("connection refused"))

            harness.services.cluster.health.recordSuccess()
            #expect(try await panel.get("/keys").body.contains("Working"))
        }
    }
}
