import Foundation
@testable import Gateway
import Testing

@Suite struct AdminSessionRulesTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func session(lifetime: TimeInterval = 3_600, token: String = "admin-token") -> AdminSession {
        let id = RandomToken.make()
        return AdminSession(
            id: id, csrfToken: RandomToken.make(), createdAt: start, expiresAt: start.addingTimeInterval(lifetime),
            tokenBinding: AdminSessions.binding(id: id, adminToken: token))
    }

    @Test func aSessionExpiresOnTheServer() {
        let session = Self.session()
        #expect(AdminSessions.isUsable(session, now: Self.start.addingTimeInterval(3_599), lifetimeSeconds: 3_600, adminToken: "admin-token"))
        #expect(!AdminSessions.isUsable(session, now: Self.start.addingTimeInterval(3_600), lifetimeSeconds: 3_600, adminToken: "admin-token"))
    }

    @Test func aShorterLifetimeSettingEndsOlderSessionsSooner() {
        let session = Self.session(lifetime: 86_400)
        #expect(!AdminSessions.isUsable(session, now: Self.start.addingTimeInterval(400), lifetimeSeconds: 300, adminToken: "admin-token"))
    }

    @Test func aNewAdminTokenEndsEverySession() {
        let session = Self.session()
        #expect(!AdminSessions.isUsable(session, now: Self.start, lifetimeSeconds: 3_600, adminToken: "another-token"))
        #expect(!AdminSessions.isUsable(session, now: Self.start, lifetimeSeconds: 3_600, adminToken: ""))
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
