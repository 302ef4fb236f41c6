import Foundation
@testable import Gateway
import Synchronization
import Testing

@Suite struct AdminSessionRulesTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// An in-memory store whose clock the test moves.
    final class Clock: Sendable {
        let time = Mutex(AdminSessionRulesTests.start)
        func advance(_ seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
        var now: Date { time.withLock { $0 } }
    }

    static func newSession(lifetime: Int = 3_600, token: String = "admin-token") -> NewAdminSession {
        NewAdminSession(
            id: RandomToken.make(), csrfToken: RandomToken.make(), language: .zh,
            tokenBinding: AdminSessions.binding(adminToken: token), lifetime: .seconds(lifetime))
    }

    @Test func aSessionExpiresOnTheServer() async throws {
        let clock = Clock()
        let store = InMemoryAdminSessionStore(now: { clock.now })
        let session = Self.newSession()
        try await store.insert(session)
        clock.advance(3_599)
        let found = try #require(try await store.session(id: session.id, maxLifetime: .seconds(3_600)))
        #expect(found.csrfToken == session.csrfToken && found.language == .zh)
        #expect(found.expiresAt == Self.start.addingTimeInterval(3_600))
        clock.advance(1)
        #expect(try await store.session(id: session.id, maxLifetime: .seconds(3_600)) == nil)
    }

    @Test func aShorterLifetimeSettingEndsOlderSessionsSooner() async throws {
        let clock = Clock()
        let store = InMemoryAdminSessionStore(now: { clock.now })
        let session = Self.newSession(lifetime: 86_400)
        try await store.insert(session)
        clock.advance(400)
        #expect(try await store.session(id: session.id, maxLifetime: .seconds(300)) == nil)
    }

    @Test func aNewAdminTokenEndsEverySession() async throws {
        let store = InMemoryAdminSessionStore()
        let old = Self.newSession()
        try await store.insert(old)
        let found = try #require(try await store.session(id: old.id, maxLifetime: .seconds(3_600)))
        #expect(AdminSessions.isBound(found, adminToken: "admin-token"))
        #expect(!AdminSessions.isBound(found, adminToken: "another-token"))
        #expect(!AdminSessions.isBound(found, adminToken: ""))

        // Removing sessions of other tokens keeps those already made under the new one, so an
        // instance that learns of the new token late does not end fresh logins.
        let fresh = Self.newSession(token: "another-token")
        try await store.insert(fresh)
        try await store.removeSessions(notBoundTo: AdminSessions.binding(adminToken: "another-token"))
        #expect(try await store.session(id: old.id, maxLifetime: .seconds(3_600)) == nil)
        #expect(try await store.session(id: fresh.id, maxLifetime: .seconds(3_600)) != nil)
    }

    @Test func theBindingAndTheStoredIdAreSHA256() {
        // FIPS 180-2's example.
        #expect(SessionDigest.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let binding = AdminSessions.binding(adminToken: "admin-token")
        #expect(binding.count == 64)
        #expect(binding != SessionDigest.sha256Hex("admin-token"), "the binding is labelled, unlike a bare hash")
        #expect(binding == AdminSessions.binding(adminToken: "admin-token"), "the same on every instance")
    }

    @Test func idsAre256RandomBits() {
        let ids = (0..<1_000).map { _ in RandomToken.make() }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.count == 43 && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } })
        #expect(RandomToken.base64URL([0xFB, 0xFF]) == "-_8")
    }

    @Test func acceptLanguagePicksTheBrowsersFavourite() {
        #expect(LanguageChoice.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8") == .zh)
        #expect(LanguageChoice.fromAcceptLanguage("en-US,en;q=0.9,zh;q=0.8") == .en)
        #expect(LanguageChoice.fromAcceptLanguage("fr-FR,zh-TW;q=0.7,en;q=0.5") == .zh)
        #expect(LanguageChoice.fromAcceptLanguage("de") == .en)
        #expect(LanguageChoice.fromAcceptLanguage(nil) == .en)
    }
}
