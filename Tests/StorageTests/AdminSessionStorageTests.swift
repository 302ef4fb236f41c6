import Foundation
import Gateway
import StorageSQL
import Testing

/// The admin panel's sessions and login throttle as instances sharing a database keep them
/// (`gg_admin_sessions`, `gg_login_failures`, `gg_login_lockouts`). The gateway uses them only on
/// MySQL and PostgreSQL, but the queries are the same everywhere, so every backend is checked.
@Suite("Storage: admin sessions and login throttle")
struct AdminSessionStorageTests {
    static func record(_ name: String, binding: String = "binding-1", language: String = "zh") -> NewAdminSessionRecord {
        NewAdminSessionRecord(
            idHash: String(repeating: name, count: 64 / name.count), csrfToken: "csrf-\(name)-令牌🔒",
            language: language, tokenBinding: binding)
    }

    static let rule = LoginFailureRule(maxFailures: 10, window: .seconds(900), lockout: .seconds(900))

    @Test(arguments: StorageBackendUnderTest.available)
    func aSessionIsReadBackWithTheDatabasesTimes(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let new = Self.record("a")
            try await storage.insertAdminSession(new, lifetime: .seconds(3_600))
            let found = try #require(try await storage.adminSession(idHash: new.idHash, maxLifetime: .seconds(3_600)))
            #expect(found.idHash == new.idHash)
            #expect(found.csrfToken == new.csrfToken)
            #expect(found.language == "zh")
            #expect(found.tokenBinding == "binding-1")
            #expect(abs(found.createdAt.timeIntervalSinceNow) < 60, "created_at comes from the database's clock")
            #expect(abs(found.expiresAt.timeIntervalSince(found.createdAt) - 3_600) < 0.01)

            #expect(try await storage.adminSession(idHash: Self.record("b").idHash, maxLifetime: .seconds(3_600)) == nil)
            // Two logins never share a row.
            await #expect(throws: (any Error).self) {
                try await storage.insertAdminSession(new, lifetime: .seconds(3_600))
            }
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func expiryIsEnforcedOnRead(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let short = Self.record("s")
            let long = Self.record("l")
            try await storage.insertAdminSession(short, lifetime: .milliseconds(400))
            try await storage.insertAdminSession(long, lifetime: .seconds(3_600))
            #expect(try await storage.adminSession(idHash: short.idHash, maxLifetime: .seconds(3_600)) != nil)
            try await Task.sleep(for: .milliseconds(700))
            #expect(try await storage.adminSession(idHash: short.idHash, maxLifetime: .seconds(3_600)) == nil)
            // A lifetime shortened since the login ends older sessions at once.
            #expect(try await storage.adminSession(idHash: long.idHash, maxLifetime: .milliseconds(300)) == nil)
            #expect(try await storage.adminSession(idHash: long.idHash, maxLifetime: .seconds(3_600)) != nil)

            #expect(try await storage.deleteExpiredAdminSessions() == 1)
            #expect(try await storage.deleteExpiredAdminSessions() == 0)
            #expect(try await storage.adminSession(idHash: long.idHash, maxLifetime: .seconds(3_600)) != nil)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func logoutAndANewAdminTokenDeleteSessions(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            for name in ["a", "b", "c"] {
                try await storage.insertAdminSession(Self.record(name, binding: "old-token"), lifetime: .seconds(3_600))
            }
            try await storage.insertAdminSession(Self.record("d", binding: "new-token", language: "en"), lifetime: .seconds(3_600))

            try await storage.deleteAdminSession(idHash: Self.record("a").idHash)
            #expect(try await storage.adminSession(idHash: Self.record("a").idHash, maxLifetime: .seconds(3_600)) == nil)
            #expect(try await storage.adminSession(idHash: Self.record("b").idHash, maxLifetime: .seconds(3_600)) != nil)

            // Every instance runs this when it learns of the new token; only the first deletes.
            #expect(try await storage.deleteAdminSessions(notBoundTo: "new-token") == 2)
            #expect(try await storage.deleteAdminSessions(notBoundTo: "new-token") == 0)
            let kept = try #require(try await storage.adminSession(idHash: Self.record("d").idHash, maxLifetime: .seconds(3_600)))
            #expect(kept.language == "en")
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func tenFailuresLockAnAddressAndASuccessStartsAgain(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let address = "2001:db8::1"
            for attempt in 1..<10 {
                #expect(try await storage.recordLoginFailure(address: address, rule: Self.rule) == nil, "attempt \(attempt)")
            }
            #expect(try await storage.loginLockout(address: address) == nil)
            let until = try #require(try await storage.recordLoginFailure(address: address, rule: Self.rule))
            #expect(abs(until.timeIntervalSinceNow - 900) < 60, "locked for 15 minutes by the database's clock")
            #expect(try await storage.loginLockout(address: address) == until)
            #expect(try await storage.loginLockout(address: "2001:db8::2") == nil)

            // The lockout replaced the count; a success clears both.
            try await storage.clearLoginFailures(address: address)
            #expect(try await storage.loginLockout(address: address) == nil)
            for _ in 1..<10 {
                #expect(try await storage.recordLoginFailure(address: address, rule: Self.rule) == nil)
            }
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func failuresOutsideTheWindowDoNotCountAndLockoutsEnd(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let quick = LoginFailureRule(maxFailures: 3, window: .milliseconds(400), lockout: .milliseconds(400))
            #expect(try await storage.recordLoginFailure(address: "198.51.100.1", rule: quick) == nil)
            #expect(try await storage.recordLoginFailure(address: "198.51.100.1", rule: quick) == nil)
            try await Task.sleep(for: .milliseconds(600))
            // The two old failures left the window: this is the first of a new count.
            #expect(try await storage.recordLoginFailure(address: "198.51.100.1", rule: quick) == nil)
            #expect(try await storage.pruneLoginFailures(rule: quick) == 2)

            #expect(try await storage.recordLoginFailure(address: "198.51.100.1", rule: quick) == nil)
            #expect(try await storage.recordLoginFailure(address: "198.51.100.1", rule: quick) != nil)
            #expect(try await storage.loginLockout(address: "198.51.100.1") != nil)
            try await Task.sleep(for: .milliseconds(600))
            #expect(try await storage.loginLockout(address: "198.51.100.1") == nil)
            #expect(try await storage.pruneLoginFailures(rule: quick) == 1, "the ended lockout")
        }
    }

    /// Wrong logins arriving at once through two instances still lock the address: the last
    /// one counted sees all the others.
    @Test(arguments: StorageBackendUnderTest.available)
    func concurrentFailuresThroughTwoInstancesLockTheAddress(_ backend: StorageBackendUnderTest) async throws {
        try await withDatabase(backend) { database in
            _ = try await database.storage.prepare()
            let other = try await database.reopen()
            let storages = [database.storage, other]
            let locks = try await withThrowingTaskGroup(of: Bool.self) { group in
                for attempt in 0..<10 {
                    group.addTask {
                        try await storages[attempt % 2].recordLoginFailure(address: "203.0.113.9", rule: Self.rule) != nil
                    }
                }
                var locks = 0
                for try await locked in group where locked { locks += 1 }
                return locks
            }
            #expect(locks >= 1)
            #expect(try await other.loginLockout(address: "203.0.113.9") != nil)
            #expect(try await database.storage.loginLockout(address: "203.0.113.9") != nil)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func theTablesAreCreatedByMigrationSeven(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            #expect(try await storage.appliedSchemaVersions().contains(7))
            #expect(try await storage.columnNames(of: "gg_admin_sessions") == [
                "session_hash", "csrf_token", "panel_language", "token_binding", "created_at", "expires_at",
            ])
            #expect(try await storage.columnNames(of: "gg_login_failures") == ["id", "client_address", "failed_at"])
            #expect(try await storage.columnNames(of: "gg_login_lockouts") == ["client_address", "locked_until"])
        }
    }
}
