import Foundation
@testable import Gateway
import Logging
import Synchronization
import Testing

/// The panel's sessions and login throttle over a shared database, against a stand-in for the
/// database: what reaches it, and what happens when it fails.
@Suite struct SharedPanelStateTests {
    /// Keeps sessions and failures in memory and records what it was given; fails every call
    /// while `failing` is set.
    final class RecordingStorage: AdminSessionStorage {
        struct State {
            var sessions: [String: AdminSessionRecord] = [:]
            var failures: [String: Int] = [:]
            var lockouts: [String: Date] = [:]
            var failing = false
        }

        let state = Mutex(State())

        struct Unreachable: Error {}

        var failing: Bool {
            get { state.withLock { $0.failing } }
            set { state.withLock { $0.failing = newValue } }
        }

        private func check() throws {
            if state.withLock({ $0.failing }) { throw Unreachable() }
        }

        func insertAdminSession(_ session: NewAdminSessionRecord, lifetime: Duration) async throws {
            try check()
            let now = Date()
            state.withLock {
                $0.sessions[session.idHash] = AdminSessionRecord(
                    idHash: session.idHash, csrfToken: session.csrfToken, language: session.language,
                    tokenBinding: session.tokenBinding, createdAt: now,
                    expiresAt: now.addingTimeInterval(TimeInterval(lifetime.components.seconds)))
            }
        }

        func adminSession(idHash: String, maxLifetime: Duration) async throws -> AdminSessionRecord? {
            try check()
            return state.withLock { $0.sessions[idHash] }
        }

        func deleteAdminSession(idHash: String) async throws {
            try check()
            _ = state.withLock { $0.sessions.removeValue(forKey: idHash) }
        }

        func deleteAdminSessions(notBoundTo tokenBinding: String) async throws -> Int {
            try check()
            return state.withLock { state in
                let before = state.sessions.count
                state.sessions = state.sessions.filter { $0.value.tokenBinding == tokenBinding }
                return before - state.sessions.count
            }
        }

        func deleteExpiredAdminSessions() async throws -> Int {
            try check()
            return 0
        }

        func loginLockout(address: String) async throws -> Date? {
            try check()
            return state.withLock { $0.lockouts[address] }
        }

        func recordLoginFailure(address: String, rule: LoginFailureRule) async throws -> Date? {
            try check()
            return state.withLock { state -> Date? in
                state.failures[address, default: 0] += 1
                guard state.failures[address]! >= rule.maxFailures else { return nil }
                let until = Date().addingTimeInterval(TimeInterval(rule.lockout.components.seconds))
                state.lockouts[address] = until
                state.failures[address] = nil
                return until
            }
        }

        func clearLoginFailures(address: String) async throws {
            try check()
            state.withLock {
                $0.failures[address] = nil
                $0.lockouts[address] = nil
            }
        }

        func pruneLoginFailures(rule: LoginFailureRule) async throws -> Int {
            try check()
            return 0
        }
    }

    static let quiet = Logger(label: "gemgate.shared-panel-tests") { _ in SwiftLogNoOpLogHandler() }

    @Test func theDatabaseSeesAHashOfTheSessionIdNeverTheId() async throws {
        let storage = RecordingStorage()
        let store = StoredAdminSessionStore(storage: storage)
        let session = NewAdminSession(
            id: RandomToken.make(), csrfToken: RandomToken.make(), language: .zh,
            tokenBinding: AdminSessions.binding(adminToken: "admin"), lifetime: .seconds(3_600))
        try await store.insert(session)

        let kept = try #require(storage.state.withLock { Array($0.sessions.values) }.first)
        #expect(kept.idHash == SessionDigest.sha256Hex(session.id))
        #expect(kept.idHash != session.id && !kept.idHash.contains(session.id))
        #expect(kept.language == "zh")
        #expect(kept.tokenBinding == session.tokenBinding)

        let found = try #require(try await store.session(id: session.id, maxLifetime: .seconds(3_600)))
        #expect(found.id == session.id && found.csrfToken == session.csrfToken && found.language == .zh)
        #expect(try await store.session(id: RandomToken.make(), maxLifetime: .seconds(3_600)) == nil)

        try await store.remove(id: session.id)
        #expect(storage.state.withLock { $0.sessions.isEmpty })
    }

    @Test func aDatabaseThatFailsIsReportedNotThrownPast() async throws {
        let storage = RecordingStorage()
        storage.failing = true
        let store = StoredAdminSessionStore(storage: storage)
        await #expect(throws: (any Error).self) {
            try await store.session(id: RandomToken.make(), maxLifetime: .seconds(60))
        }
    }

    @Test func aDatabaseThatNeverAnswersIsGivenUpOn() async throws {
        final class SilentStorage: AdminSessionStorage {
            func wait() async throws { try await Task.sleep(for: .seconds(60)) }
            func insertAdminSession(_ session: NewAdminSessionRecord, lifetime: Duration) async throws { try await wait() }
            func adminSession(idHash: String, maxLifetime: Duration) async throws -> AdminSessionRecord? {
                try await wait()
                return nil
            }
            func deleteAdminSession(idHash: String) async throws { try await wait() }
            func deleteAdminSessions(notBoundTo tokenBinding: String) async throws -> Int { try await wait(); return 0 }
            func deleteExpiredAdminSessions() async throws -> Int { try await wait(); return 0 }
            func loginLockout(address: String) async throws -> Date? { try await wait(); return nil }
            func recordLoginFailure(address: String, rule: LoginFailureRule) async throws -> Date? { try await wait(); return nil }
            func clearLoginFailures(address: String) async throws { try await wait() }
            func pruneLoginFailures(rule: LoginFailureRule) async throws -> Int { try await wait(); return 0 }
        }
        let store = StoredAdminSessionStore(storage: SilentStorage(), answerWithin: .milliseconds(200))
        let started = ContinuousClock.now
        await #expect(throws: WaitAbandoned.self) {
            try await store.session(id: RandomToken.make(), maxLifetime: .seconds(60))
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        let throttle = SharedLoginThrottle(storage: SilentStorage(), answerWithin: .milliseconds(200), logger: Self.quiet)
        await #expect(throws: WaitAbandoned.self) { try await throttle.lockedUntil("192.0.2.1") }
    }

    @Test func tenFailuresRecordedInTheDatabaseLockTheAddress() async throws {
        let storage = RecordingStorage()
        let throttle = SharedLoginThrottle(storage: storage, logger: Self.quiet)
        for _ in 1..<LoginThrottle.maxFailures { #expect(await throttle.recordFailure("2001:DB8::1") == nil) }
        #expect(await throttle.recordFailure("2001:db8::1") != nil, "one address however its hex digits are written")
        #expect(try await throttle.lockedUntil("2001:db8::1") != nil)
        // Stored by its /64, which an IPv6 client holds whole.
        #expect(storage.state.withLock { $0.lockouts.keys.sorted() } == ["2001:db8::/64"])
        await throttle.recordSuccess("2001:db8::1")
        #expect(try await throttle.lockedUntil("2001:db8::1") == nil)
    }

    /// While the database is away no login can succeed anyway; failures are still counted here,
    /// so the outage gives no free tries, and the lock holds once the database is back.
    @Test func failuresTheDatabaseCannotTakeAreCountedHere() async throws {
        let storage = RecordingStorage()
        let throttle = SharedLoginThrottle(storage: storage, logger: Self.quiet)
        storage.failing = true
        await #expect(throws: (any Error).self) { try await throttle.lockedUntil("198.51.100.7") }
        var lockedAt: Int?
        for attempt in 1...LoginThrottle.maxFailures where lockedAt == nil {
            if await throttle.recordFailure("198.51.100.7") != nil { lockedAt = attempt }
        }
        #expect(lockedAt == LoginThrottle.maxFailures)
        storage.failing = false
        #expect(try await throttle.lockedUntil("198.51.100.7") != nil)
        #expect(try await throttle.lockedUntil("198.51.100.8") == nil)
    }
}
