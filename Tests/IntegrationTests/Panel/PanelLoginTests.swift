import Foundation
@testable import Gateway
import Testing
import Wire

@Suite("Panel: login, sessions, logout", .serialized)
struct PanelLoginTests {
    static let adminToken = PanelAccessTests.adminToken
    static let environment = PanelAccessTests.environment

    @Test func tenWrongTokensLockTheAddressEvenForTheRightOne() async throws {
        try await GatewayHarness.run(keys: [testKey("lock")], environment: Self.environment) { harness in
            for attempt in 1...10 {
                // The forged headers come from an untrusted peer and are ignored: all ten count
                // against 127.0.0.1.
                let headers = [("X-Forwarded-For", "198.51.100.\(attempt)"), ("CF-Connecting-IP", "203.0.113.\(attempt)")]
                let (_, reply) = try await PanelClient.login(harness.baseURL, token: "wrong-\(attempt)", headers: headers)
                #expect(reply.status == (attempt < 10 ? 401 : 429), "attempt \(attempt): \(reply.status)")
                #expect(reply.cookies.allSatisfy { !$0.hasPrefix("gemgate_session=") })
            }
            let (locked, reply) = try await PanelClient.login(harness.baseURL, token: Self.adminToken)
            #expect(reply.status == 429)
            #expect(locked.cookie == nil)
            #expect(reply.body.contains("15"))
        }
    }

    @Test func behindATrustedProxyEachClientIsCountedOnItsOwn() async throws {
        try await GatewayHarness.run(
            keys: [testKey("proxy")], environment: Self.environment.merging(["TRUSTED_PROXIES": #"["127.0.0.0/8"]"#]) { $1 }
        ) { harness in
            for _ in 1...10 {
                _ = try await PanelClient.login(
                    harness.baseURL, token: "wrong", headers: [("X-Forwarded-For", "6.6.6.6, 198.51.100.1")])
            }
            let (_, locked) = try await PanelClient.login(
                harness.baseURL, token: Self.adminToken, headers: [("X-Forwarded-For", "198.51.100.1")])
            #expect(locked.status == 429)
            let (_, other) = try await PanelClient.login(
                harness.baseURL, token: Self.adminToken, headers: [("X-Forwarded-For", "198.51.100.2")])
            #expect(other.status == 303)
        }
    }

    /// Behind nginx, a client's own `CF-Connecting-IP` reaches us untouched: a new one on every
    /// try must not give it a fresh count. nginx's `X-Forwarded-For` entry decides.
    @Test func aForgedCloudflareHeaderDoesNotEscapeTheLockout() async throws {
        try await GatewayHarness.run(
            keys: [testKey("cf-forged")], environment: Self.environment.merging(["TRUSTED_PROXIES": #"["127.0.0.1"]"#]) { $1 }
        ) { harness in
            for attempt in 1...10 {
                let headers = [("X-Forwarded-For", "198.51.100.9"), ("CF-Connecting-IP", "203.0.113.\(attempt)")]
                let (_, reply) = try await PanelClient.login(harness.baseURL, token: "wrong", headers: headers)
                #expect(reply.status == (attempt < 10 ? 401 : 429), "attempt \(attempt): \(reply.status)")
            }
            let (_, locked) = try await PanelClient.login(
                harness.baseURL, token: Self.adminToken,
                headers: [("X-Forwarded-For", "198.51.100.9"), ("CF-Connecting-IP", "203.0.113.200")])
            #expect(locked.status == 429)
        }
    }

    @Test func wrongTokenSaysSoAndLogoutEndsTheSession() async throws {
        try await GatewayHarness.run(keys: [testKey("logout")], environment: Self.environment) { harness in
            let (_, wrong) = try await PanelClient.login(harness.baseURL, token: "nope")
            #expect(wrong.status == 401)
            #expect(wrong.body.contains("auth_token"))
            #expect(wrong.body.contains("That is not the admin token"))

            // Scripts may log in with JSON instead of the form.
            let json = try await PanelClient(baseURL: harness.baseURL).call(.POST, "/auth", ["auth_token": .string(Self.adminToken)])
            #expect(json.status == 303 && json.cookies.contains { $0.hasPrefix("gemgate_session=") })

            let panel = try await harness.panel(adminToken: Self.adminToken)
            #expect(try await panel.get("/config").status == 200)
            #expect(try await panel.get("/").header("Location") == "/keys")
            // A logout form without its CSRF field is refused.
            #expect(try await panel.postForm("/logout", [:]).status == 403)
            let bye = try await panel.postForm("/logout", ["csrf_token": panel.csrf ?? ""])
            #expect(bye.status == 303)
            #expect(bye.cookies.contains { $0.hasPrefix("gemgate_session=;") && $0.contains("Max-Age=0") })
            let after = try await panel.get("/config")
            #expect(after.status == 303 && after.header("Location") == "/")
            #expect(try await panel.call(.GET, "/api/keys").status == 401)
        }
    }

    @Test func expiredSessionsAreRefusedByTheServer() async throws {
        try await GatewayHarness.run(keys: [testKey("expiry")], environment: Self.environment) { harness in
            let admin = harness.services.settings.current.effectiveAdminToken ?? ""
            let id = RandomToken.make()
            let past = Date().addingTimeInterval(-7_200)
            // One instance on SQLite keeps its sessions in memory; plant one from two hours ago.
            let store = try #require(harness.services.panel.sessions.store as? InMemoryAdminSessionStore)
            store.keep(AdminSession(
                id: id, csrfToken: RandomToken.make(), language: .en, createdAt: past,
                expiresAt: past.addingTimeInterval(3_600), tokenBinding: AdminSessions.binding(adminToken: admin)))
            var client = PanelClient(baseURL: harness.baseURL)
            client.cookie = "gemgate_session=" + id
            // The browser would have dropped the cookie (Max-Age); the server refuses it anyway.
            #expect(try await client.call(.GET, "/api/keys").status == 401)
            #expect(try await client.get("/keys").status == 303)
            #expect(store.count == 0, "the expired session was removed when it was refused")
        }
    }

    @Test func changingTheAdminTokenEndsEverySession() async throws {
        try await GatewayHarness.run(keys: [testKey("rotate")], environment: Self.environment) { harness in
            let first = try await harness.panel(adminToken: Self.adminToken)
            let second = try await harness.panel(adminToken: Self.adminToken)
            let saved = try await first.call(.PUT, "/api/config", ["values": ["AUTH_TOKEN": "a-brand-new-admin-token-42"]])
            #expect(saved.status == 200)
            #expect(saved.json?["relogin"]?.boolValue == true)
            #expect(!saved.body.contains("a-brand-new-admin-token-42"))
            #expect(try await first.call(.GET, "/api/keys").status == 401)
            #expect(try await second.get("/keys").status == 303)
            #expect(try await PanelClient.login(harness.baseURL, token: Self.adminToken).1.status == 401)
            #expect(try await PanelClient.login(harness.baseURL, token: "a-brand-new-admin-token-42").1.status == 303)
        }
    }

    @Test func theLanguageFollowsTheBrowserAndTheSwitchIsRemembered() async throws {
        try await GatewayHarness.run(keys: [testKey("lang")], environment: Self.environment) { harness in
            let anonymous = PanelClient(baseURL: harness.baseURL)
            #expect(try await anonymous.get("/", headers: [("Accept-Language", "zh-CN,zh;q=0.9")]).body.contains("登录管理面板"))
            #expect(try await anonymous.get("/", headers: [("Accept-Language", "en-US")]).body.contains("Log in to the admin panel"))
            var panel = try await harness.panel(adminToken: Self.adminToken)
            let switched = try await panel.get("/config?lang=zh")
            #expect(switched.body.contains("配置编辑"))
            let remembered = try #require(switched.cookies.first { $0.hasPrefix("gemgate_lang=zh") })
            panel.cookie = (panel.cookie ?? "") + "; " + remembered.split(separator: ";")[0]
            #expect(try await panel.get("/logs", headers: [("Accept-Language", "en")]).body.contains("错误日志"))
        }
    }
}
