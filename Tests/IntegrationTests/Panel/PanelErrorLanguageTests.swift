import Foundation
@testable import Gateway
import Hummingbird
import Testing
import Wire

/// The panel's error answers speak the page's language: the language cookie first, then the
/// browser's Accept-Language (or the session's language once logged in).
@Suite("Panel: error messages in the admin's language", .serialized)
struct PanelErrorLanguageTests {
    static let adminToken = PanelAccessTests.adminToken
    static let environment = PanelAccessTests.environment

    static func message(_ reply: PanelClient.Reply) -> String {
        reply.json?["error"]?["message"]?.stringValue ?? ""
    }

    static func isChinese(_ text: String) -> Bool {
        containsChinese(text)
    }

    @Test func sessionAndCSRFErrorsFollowTheRequestsLanguage() async throws {
        try await GatewayHarness.run(keys: [testKey("lang-errors")], environment: Self.environment) { harness in
            let anonymous = PanelClient(baseURL: harness.baseURL)
            let zh = try await anonymous.send(.GET, "/api/keys", body: nil, contentType: nil, headers: [("Accept-Language", "zh-CN")])
            #expect(zh.status == 401 && Self.isChinese(Self.message(zh)), "\(zh.body)")
            let en = try await anonymous.send(.GET, "/api/keys", body: nil, contentType: nil, headers: [("Accept-Language", "en-US")])
            #expect(en.status == 401 && !Self.isChinese(Self.message(en)) && !Self.message(en).isEmpty, "\(en.body)")
            // The cookie the language switch leaves wins over the browser.
            let cookie = try await anonymous.send(
                .GET, "/api/keys", body: nil, contentType: nil, headers: [("Accept-Language", "en"), ("Cookie", "gemgate_lang=zh")])
            #expect(Self.isChinese(Self.message(cookie)), "\(cookie.body)")

            // Logged in in Chinese; another tab logged in again, so this page's CSRF token is stale.
            var panel = try await PanelClient.login(harness.baseURL, token: Self.adminToken, headers: [("Accept-Language", "zh-CN")]).0
            panel.csrf = RandomToken.make()
            let csrf = try await panel.call(.POST, "/api/keys/actions", ["action": "reset", "ids": .array([])])
            #expect(csrf.status == 403 && Self.isChinese(Self.message(csrf)), "\(csrf.body)")

            let file = try await anonymous.send(
                .GET, "/static/nothing.css", body: nil, contentType: nil, headers: [("Accept-Language", "zh-CN")])
            #expect(file.status == 404 && Self.isChinese(Self.message(file)), "\(file.body)")
        }
    }

    @Test func apiRefusalsAreTranslated() async throws {
        try await GatewayHarness.run(keys: [testKey("lang-api")], environment: Self.environment) { harness in
            let (panel, _) = try await PanelClient.login(harness.baseURL, token: Self.adminToken, headers: [("Accept-Language", "zh-CN")])
            let id = KeyDirectory.id(of: testKey("lang-api"))
            let replies = [
                try await panel.call(.POST, "/api/keys/actions", ["action": "explode", "ids": .array([.string(id)])]),
                try await panel.call(.POST, "/api/keys/actions", ["action": "reset"]),
                try await panel.send(
                    .POST, "/api/keys/actions", body: "[1, 2]", contentType: "application/json",
                    headers: [("X-CSRF-Token", panel.csrf ?? "")]),
                try await panel.send(
                    .POST, "/api/keys/actions", body: "not json", contentType: "application/json",
                    headers: [("X-CSRF-Token", panel.csrf ?? "")]),
            ]
            for reply in replies {
                #expect(reply.status == 400, "\(reply.status) \(reply.body)")
                #expect(Self.isChinese(Self.message(reply)), "\(reply.body)")
            }
        }
    }

    /// Hummingbird's own errors inside the panel keep their status and speak the admin's language.
    @Test func hummingbirdsErrorsAreTranslatedToo() {
        let zh = Translator(language: .zh)
        let notFound = PanelSecurityHeadersMiddleware.translated(HTTPError(.notFound), t: zh, uploadLimit: 1 << 20)
        #expect(notFound.status == 404 && containsChinese(notFound.message) && notFound.message.contains("404"))
        let tooLarge = PanelSecurityHeadersMiddleware.translated(HTTPError(.contentTooLarge), t: zh, uploadLimit: 2 << 20)
        #expect(tooLarge.status == 413 && containsChinese(tooLarge.message) && tooLarge.message.contains("2 MB"))
    }
}
