import Foundation
@testable import Gateway
import Testing
import Wire

/// A new admin token typed in the panel must be a password worth the name: at least eight
/// characters, no surrounding spaces, and not a client token (a client could then log in to the
/// panel). Refused like any bad value: the field is named and nothing is saved. A short token
/// that is already stored keeps working.
@Suite("Panel: admin token rules", .serialized)
struct PanelAdminTokenRuleTests {
    static let adminToken = PanelAccessTests.adminToken
    static let environment = PanelAccessTests.environment
    static let clientToken = "sk-client-token-0001"

    @Test func aWeakOrSharedAdminTokenIsRefusedAndNothingIsSaved() async throws {
        try await GatewayHarness.run(keys: [testKey("token-rule")], tokens: [Self.clientToken], environment: Self.environment) { harness in
            let (panel, _) = try await PanelClient.login(
                harness.baseURL, token: Self.adminToken, headers: [("Accept-Language", "zh-CN")])
            let before = harness.services.settings.current
            let refused: [JSONValue] = [
                ["AUTH_TOKEN": "x", "MAX_FAILURES": "9"],
                ["AUTH_TOKEN": "1234567", "MAX_FAILURES": "9"],
                ["AUTH_TOKEN": " padded-admin-token ", "MAX_FAILURES": "9"],
                ["AUTH_TOKEN": "new-admin-token\n", "MAX_FAILURES": "9"],
                ["AUTH_TOKEN": .string(Self.clientToken), "MAX_FAILURES": "9"],
                // Also when the same save makes it a client token.
                ["AUTH_TOKEN": "shared-admin-token", "ALLOWED_TOKENS": "sk-other-client\nshared-admin-token"],
            ]
            for values in refused {
                let reply = try await panel.call(.PUT, "/api/config", ["values": values])
                #expect(reply.status == 422, "\(values): \(reply.status)")
                let problems = reply.json?["problems"]?.arrayValue ?? []
                #expect(problems.map { $0["setting"]?.stringValue } == ["AUTH_TOKEN"], "\(values): \(reply.body)")
                let message = problems.first?["message"]?.stringValue ?? ""
                #expect(containsChinese(message), "\(message)")
            }
            #expect(harness.services.settings.current == before)
            #expect(try await PanelClient.login(harness.baseURL, token: Self.adminToken).1.status == 303)
            #expect(try await PanelClient.login(harness.baseURL, token: Self.clientToken).1.status == 401)

            let accepted = try await panel.call(.PUT, "/api/config", ["values": ["AUTH_TOKEN": "sk-1234567"]])
            #expect(accepted.status == 200, "\(accepted.body)")
            #expect(harness.services.settings.current.authToken == "sk-1234567")
        }
    }

    /// gemini-balance users often have short passwords; an old one keeps working, and saving
    /// other settings (or the same token again) does not trip the rule.
    @Test func aShortStoredTokenKeepsWorking() async throws {
        let short = "abc123"
        try await GatewayHarness.run(keys: [testKey("short-token")], environment: ["AUTH_TOKEN": short]) { harness in
            let panel = try await harness.panel(adminToken: short)
            let other = try await panel.call(.PUT, "/api/config", ["values": ["MAX_FAILURES": "5"]])
            #expect(other.status == 200, "\(other.body)")
            let same = try await panel.call(.PUT, "/api/config", ["values": ["AUTH_TOKEN": .string(short)]])
            #expect(same.status == 200, "\(same.body)")
            #expect(try await PanelClient.login(harness.baseURL, token: short).1.status == 303)
        }
    }
}
