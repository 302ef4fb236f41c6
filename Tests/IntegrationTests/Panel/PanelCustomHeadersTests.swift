import Foundation
@testable import Gateway
import Testing
import Wire

/// `CUSTOM_HEADERS` usually carries the `Authorization` of a proxy in front of Google: a secret,
/// masked on the page, shown only by its Show button, and masked in the log like every secret.
@Suite("Panel: custom headers are a secret", .serialized)
struct PanelCustomHeadersTests {
    static let adminToken = PanelAccessTests.adminToken
    static let secret = "upstream-proxy-secret-4711"
    static let environment = PanelAccessTests.environment.merging(
        ["CUSTOM_HEADERS": #"{"Authorization": "Bearer upstream-proxy-secret-4711", "X-Team": "blue-team-name"}"#]) { $1 }

    @Test func theValuesAreMaskedOnThePageAndRevealedOnRequest() async throws {
        try await GatewayHarness.run(keys: [testKey("headers-secret")], environment: Self.environment) { harness in
            #expect(harness.services.settings.current.customHeaders["Authorization"] == "Bearer \(Self.secret)")
            let panel = try await harness.panel(adminToken: Self.adminToken)
            for language in ["en", "zh"] {
                let page = try await panel.get("/config?lang=\(language)").body
                #expect(!page.contains(Self.secret), "the header's value is on the page")
                #expect(page.contains("data-setting=\"CUSTOM_HEADERS\" data-kind=\"map\" data-secret"))
                #expect(page.contains("data-reveal-setting=\"CUSTOM_HEADERS\""))
            }
            let revealed = try await panel.call(.POST, "/api/config/reveal", ["name": "CUSTOM_HEADERS"])
            let text = try #require(revealed.json?["text"]?.stringValue)
            #expect(JSONValue(parsing: text)?["Authorization"]?.stringValue == "Bearer \(Self.secret)")

            // Saving the shown value back changes nothing; an untouched field is not sent at all.
            let saved = try await panel.call(.PUT, "/api/config", ["values": ["CUSTOM_HEADERS": .string(text)]])
            #expect(saved.status == 200, "\(saved.body)")
            #expect(harness.services.settings.current.customHeaders["Authorization"] == "Bearer \(Self.secret)")
        }
    }

    @Test func theValuesAreMaskedInTheLog() {
        var settings = Settings()
        settings.set(SettingCatalog.customHeaders.name, .map(["Authorization": "Bearer \(Self.secret)"]))
        let registry = SecretRegistry()
        registry.update(GatewayServices.secretValues(of: settings))
        let line = registry.redact("upstream answered 401 for Authorization: Bearer \(Self.secret)")
        #expect(!line.contains(Self.secret), "\(line)")
    }
}
