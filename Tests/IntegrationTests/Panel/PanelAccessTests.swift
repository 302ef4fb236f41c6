import NIOHTTP1
import Foundation
@testable import Gateway
import Hummingbird
import Testing
import Wire

/// Every admin route is behind the session, every change needs the CSRF token: checked by
/// walking the router's own route list, so a route added later is covered without editing this.
@Suite("Panel: access control", .serialized)
struct PanelAccessTests {
    static let adminToken = "panel-admin-token-0123456789"
    static let environment = ["AUTH_TOKEN": adminToken]

    /// Routes that belong to the proxy API (their own token check) or are public on purpose.
    static func isOutsideThePanel(_ path: String) -> Bool {
        ["/v1", "/v1beta", "/gemini", "/hf", "/openai", "/health", "/chat", "/models", "/upload"].contains { prefix in
            path == prefix || path.hasPrefix(prefix + "/")
        }
    }

    /// The route's path with its captures filled in.
    static func concrete(_ path: String) -> String {
        path.split(separator: "/").map { part in
            part.hasPrefix("{") || part.hasPrefix(":") ? "1" : String(part)
        }.reduce("") { $0 + "/" + $1 }
    }

    @Test func everyAdminRouteNeedsASessionAndEveryChangeItsCSRFToken() async throws {
        try await GatewayHarness.run(keys: [testKey("access")], environment: Self.environment) { harness in
            let routes = harness.services.makeRouter().routes
            let adminRoutes = routes.filter { route in
                !Self.isOutsideThePanel(route.path.description)
                    && !AdminRoutes.publicRoutes.contains("\(route.method) \(route.path.description)")
            }
            // The panel's pages, logout and JSON API are all in the walk.
            #expect(adminRoutes.count >= 20, "\(adminRoutes.map(\.description))")
            for path in ["/keys", "/config", "/logs", "/logs/requests", "/logout", "/api/config", "/api/keys/actions"] {
                #expect(adminRoutes.contains { $0.path.description == path }, "\(path) not walked")
            }

            let anonymous = PanelClient(baseURL: harness.baseURL)
            let admin = try await harness.panel(adminToken: Self.adminToken)
            var stranger = PanelClient(baseURL: harness.baseURL)
            stranger.cookie = "gemgate_session=" + RandomToken.make()

            for route in adminRoutes {
                let path = Self.concrete(route.path.description)
                let method = NIOHTTPMethod(route.method)
                let isAPI = path.hasPrefix("/api/")
                for client in [anonymous, stranger] {
                    let reply = try await client.call(method, path, route.method == .get ? nil : .object([:]), csrf: false)
                    if isAPI {
                        #expect(reply.status == 401, "\(route) without a session: \(reply.status)")
                        #expect(reply.json?["error"]?["message"]?.stringValue != nil, "\(route): \(reply.body)")
                    } else {
                        #expect(reply.status == 303 && reply.header("Location") == "/", "\(route) without a session: \(reply.status)")
                    }
                }
                guard route.method != .get && route.method != .head else { continue }
                let withoutToken = try await admin.call(method, path, .object([:]), csrf: false)
                #expect(withoutToken.status == 403, "\(route) without the CSRF token: \(withoutToken.status)")
                var forged = admin
                forged.csrf = RandomToken.make()
                let wrongToken = try await forged.call(method, path, .object([:]))
                #expect(wrongToken.status == 403, "\(route) with a wrong CSRF token: \(wrongToken.status)")
            }
            // The session itself still works after all that.
            #expect(try await admin.get("/keys").status == 200)
        }
    }

    @Test func theAdminTokenNeverLeavesTheServer() async throws {
        let client = "sk-client-token-for-leak-test"
        let keys = [testKey("leak-one"), testKey("leak-two")]
        // The admin token is also the first client token, as gemini-balance's default makes it.
        try await GatewayHarness.run(
            keys: keys, tokens: [Self.adminToken, client], environment: Self.environment
        ) { harness in
            _ = try await harness.generate(token: Self.adminToken)
            _ = try await harness.generate(token: client)
            await harness.services.logs.flush()

            let (panel, login) = try await PanelClient.login(harness.baseURL, token: Self.adminToken)
            var replies = [login]
            let id = KeyDirectory.id(of: keys[0])
            for path in [
                "/", "/keys", "/keys?status=invalid&q=AIza", "/config", "/logs", "/logs/requests", "/logs/requests?token=admin",
                "/api/keys", "/api/stats/summary", "/api/stats/details?period=1h", "/api/logs/errors", "/api/logs/requests",
                "/api/keys/\(id)/details", "/config?lang=zh", "/static/panel.js", "/static/panel.css",
            ] {
                let reply = try await panel.get(path)
                // A logged-in visit to the login page goes on to the monitor.
                #expect(reply.status == (path == "/" ? 303 : 200), "\(path): \(reply.status)")
                replies.append(reply)
            }
            for name in ["ALLOWED_TOKENS", "AUTH_TOKEN", "API_KEYS", "PAID_KEY"] {
                replies.append(try await panel.call(.POST, "/api/config/reveal", ["name": .string(name)]))
            }
            let revealed = try await panel.call(.POST, "/api/config/reveal", ["name": "ALLOWED_TOKENS"])
            #expect(revealed.json?["text"]?.stringValue == client)
            #expect(try await panel.call(.POST, "/api/config/reveal", ["name": "AUTH_TOKEN"]).status == 403)
            replies.append(try await panel.postForm("/logout", ["csrf_token": panel.csrf ?? ""]))

            for reply in replies {
                #expect(!reply.body.contains(Self.adminToken), "the admin token is in a body: \(reply.body.prefix(300))")
                for (name, value) in reply.headers {
                    #expect(!value.contains(Self.adminToken), "the admin token is in the \(name) header")
                }
            }
            // Keys are masked on pages: the monitor shows neither key in full.
            let monitor = try await PanelClient.login(harness.baseURL, token: Self.adminToken).0.get("/keys")
            #expect(!monitor.body.contains(keys[0]) && !monitor.body.contains(keys[1]))
            #expect(monitor.body.contains(Secret.mask(keys[0])))
        }
    }

    @Test func pagesCarryStrictSecurityHeadersAndNoCORS() async throws {
        try await GatewayHarness.run(keys: [testKey("headers")], environment: Self.environment) { harness in
            let panel = try await harness.panel(adminToken: Self.adminToken)
            for path in ["/", "/keys", "/api/keys", "/static/panel.js"] {
                let reply = try await panel.get(path, headers: [("Origin", "https://evil.example")])
                let csp = reply.header("Content-Security-Policy") ?? ""
                #expect(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"))
                #expect(reply.header("X-Frame-Options") == "DENY")
                #expect(reply.header("X-Content-Type-Options") == "nosniff")
                #expect(reply.header("Access-Control-Allow-Origin") == nil)
            }
            let page = try await panel.get("/keys")
            // No inline script: the only script element with code is the external file.
            #expect(!page.body.contains("<script>"))
            #expect(!page.body.contains(" onclick="))
            #expect(!page.body.contains("style=\""))
        }
    }

    @Test func theSessionCookieIsHttpOnlyStrictAndSecureBehindHTTPS() async throws {
        try await GatewayHarness.run(
            keys: [testKey("cookie")], environment: Self.environment.merging(["TRUSTED_PROXIES": #"["127.0.0.1"]"#]) { $1 }
        ) { harness in
            let (_, plain) = try await PanelClient.login(harness.baseURL, token: Self.adminToken)
            let cookie = try #require(plain.cookies.first { $0.hasPrefix("gemgate_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"))
            #expect(cookie.contains("Max-Age=3600"))
            let value = cookie.split(separator: ";")[0].dropFirst("gemgate_session=".count)
            #expect(value.count == 43)

            let (_, proxied) = try await PanelClient.login(
                harness.baseURL, token: Self.adminToken, headers: [("X-Forwarded-Proto", "https")])
            #expect(try #require(proxied.cookies.first { $0.hasPrefix("gemgate_session=") }).contains("Secure"))
        }
        // From an untrusted peer the same header proves nothing.
        try await GatewayHarness.run(keys: [testKey("cookie")], environment: Self.environment) { harness in
            let (_, reply) = try await PanelClient.login(
                harness.baseURL, token: Self.adminToken, headers: [("X-Forwarded-Proto", "https")])
            #expect(!(try #require(reply.cookies.first { $0.hasPrefix("gemgate_session=") }).contains("Secure")))
        }
    }
}

/// Hummingbird's `HTTPRequest.Method` as AsyncHTTPClient's `HTTPMethod`.
func NIOHTTPMethod(_ method: HTTPRequest.Method) -> NIOHTTP1.HTTPMethod {
    NIOHTTP1.HTTPMethod(rawValue: method.rawValue)
}
