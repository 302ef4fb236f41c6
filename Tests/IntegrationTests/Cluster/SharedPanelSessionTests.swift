import Foundation
@testable import Gateway
import StorageSQL
import Testing
import Wire

/// Two gateways on one PostgreSQL or MariaDB database behind a load balancer: the admin panel's
/// sessions and login throttle live in the database, so it does not matter which instance
/// answers a request.
@Suite("Cluster: admin sessions shared by two instances", .timeLimit(.minutes(2)))
struct SharedPanelSessionTests {
    static let admin = "cluster-panel-admin-token-0123"

    static func withTwoInstances(
        _ database: SharedDatabase, _ body: @Sendable (_ a: GatewayHarness, _ b: GatewayHarness) async throws -> Void
    ) async throws {
        try await ClusterSyncTests.withTwoInstances(
            database, keys: [testKey("cl-panel")], environment: ["AUTH_TOKEN": admin], body)
    }

    /// The same browser (its cookie and CSRF token) talking to another instance.
    static func sameBrowser(_ client: PanelClient, on instance: GatewayHarness) -> PanelClient {
        var moved = PanelClient(baseURL: instance.baseURL)
        moved.cookie = client.cookie
        moved.csrf = client.csrf
        return moved
    }

    @Test(arguments: SharedDatabase.available)
    func aLoginOnOneIsHonouredByTheOtherAndALogoutThereEndsIt(_ database: SharedDatabase) async throws {
        try await Self.withTwoInstances(database) { a, b in
            #expect(a.services.panel.sessions.store is StoredAdminSessionStore)
            let onA = try await a.panel(adminToken: Self.admin)
            let onB = Self.sameBrowser(onA, on: b)

            let page = try await onB.get("/keys")
            #expect(page.status == 200)
            #expect(PanelClient.csrfToken(in: page.body) == onA.csrf, "one session, one CSRF token")
            #expect(try await onB.call(.GET, "/api/keys").status == 200)
            // A change through B carries the CSRF token A's page handed out.
            #expect(try await onB.call(.PUT, "/api/config", ["values": ["MAX_FAILURES": "4"]]).status == 200)
            #expect(try await onB.call(.PUT, "/api/config", ["values": ["MAX_FAILURES": "5"]], csrf: false).status == 403)

            let bye = try await onB.postForm("/logout", ["csrf_token": onB.csrf ?? ""])
            #expect(bye.status == 303)
            let after = try await onA.get("/keys")
            #expect(after.status == 303 && after.header("Location") == "/")
            #expect(try await onA.call(.GET, "/api/keys").status == 401)
        }
    }

    @Test(arguments: SharedDatabase.available)
    func aNewAdminTokenEndsEverySessionOnBothInstances(_ database: SharedDatabase) async throws {
        try await Self.withTwoInstances(database) { a, b in
            let first = try await a.panel(adminToken: Self.admin)
            let second = try await b.panel(adminToken: Self.admin)
            let newToken = "cluster-panel-new-admin-token-42"
            let saved = try await first.call(.PUT, "/api/config", ["values": ["AUTH_TOKEN": .string(newToken)]])
            #expect(saved.status == 200)

            // A deletes the rows at once; B refuses them even before it has read the new token.
            let ended = try await secondsUntil(limit: 2) {
                var refused = true
                for client in [first, second] {
                    for instance in [a, b] {
                        let status = try await Self.sameBrowser(client, on: instance).call(.GET, "/api/keys").status
                        refused = refused && status == 401
                    }
                }
                return refused
            }
            #expect(ended != nil, "an old session was still accepted somewhere after 2 s")

            // Once B has the new token, a login through B is honoured by A, and B's late clean-up
            // of old sessions leaves it alone.
            let learned = await secondsUntil(limit: 2) { b.services.settings.current.effectiveAdminToken == newToken }
            #expect(learned != nil)
            let fresh = try await b.panel(adminToken: newToken)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await Self.sameBrowser(fresh, on: a).call(.GET, "/api/keys").status == 200)
            #expect(try await PanelClient.login(a.baseURL, token: Self.admin).1.status == 401)
        }
    }

    @Test(arguments: SharedDatabase.available)
    func tenWrongLoginsThroughOneLockTheAddressOnTheOther(_ database: SharedDatabase) async throws {
        try await Self.withTwoInstances(database) { a, b in
            for attempt in 1...10 {
                let (_, reply) = try await PanelClient.login(a.baseURL, token: "wrong-\(attempt)")
                #expect(reply.status == (attempt < 10 ? 401 : 429), "attempt \(attempt): \(reply.status)")
            }
            let (locked, reply) = try await PanelClient.login(b.baseURL, token: Self.admin)
            #expect(reply.status == 429)
            #expect(locked.cookie == nil)
            #expect(reply.body.contains("15"))
        }
    }

    /// The sessions table gone (as good as a database error on every session query): the panel
    /// treats everyone as logged out and says why, never an error page.
    @Test(arguments: SharedDatabase.available)
    func aDatabaseErrorWhileCheckingASessionFailsClosedWithAMessage(_ database: SharedDatabase) async throws {
        try await Self.withTwoInstances(database) { a, _ in
            let client = try await a.panel(adminToken: Self.admin)
            let storage = try #require(a.services.storage as? SQLStorage)
            try await storage.driver.execute("DROP TABLE gg_admin_sessions", [])

            let page = try await client.get("/keys")
            #expect(page.status == 303 && page.header("Location") == "/")
            #expect(!page.cookies.contains { $0.hasPrefix("gemgate_session=") }, "the cookie is kept for when the database is back")
            let login = try await client.get("/")
            #expect(login.status == 503)
            #expect(login.body.contains("The database does not answer"))
            let api = try await client.call(.GET, "/api/keys")
            #expect(api.status == 401)
            #expect(api.body.contains("database does not answer"))
            let (_, again) = try await PanelClient.login(a.baseURL, token: Self.admin)
            #expect(again.status == 503)
            #expect(again.body.contains("The database does not answer"))
        }
    }
}
