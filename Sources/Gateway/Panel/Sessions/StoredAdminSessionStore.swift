import Foundation

/// Sessions kept in the database that several instances share, so that whichever instance the
/// load balancer picks honours a login made through another, and a logout or a new admin token
/// ends the session on all of them at once.
///
/// The database holds a SHA-256 of the session id, never the id; creation and expiry come from
/// the database's clock and expiry is checked by the query itself. Every call is given up after
/// `answerWithin`, so a database that does not answer makes the panel say so instead of hanging.
public final class StoredAdminSessionStore: AdminSessionStore {
    let storage: any AdminSessionStorage
    let answerWithin: Duration

    public init(storage: any AdminSessionStorage, answerWithin: Duration = .seconds(5)) {
        self.storage = storage
        self.answerWithin = answerWithin
    }

    public func insert(_ session: NewAdminSession) async throws {
        let record = NewAdminSessionRecord(
            idHash: SessionDigest.sha256Hex(session.id), csrfToken: session.csrfToken,
            language: session.language.rawValue, tokenBinding: session.tokenBinding)
        try await waitAtMost(answerWithin) { [storage] in
            try await storage.insertAdminSession(record, lifetime: session.lifetime)
        }
    }

    public func session(id: String, maxLifetime: Duration) async throws -> AdminSession? {
        let idHash = SessionDigest.sha256Hex(id)
        let record = try await waitAtMost(answerWithin) { [storage] in
            try await storage.adminSession(idHash: idHash, maxLifetime: maxLifetime)
        }
        guard let record else { return nil }
        return AdminSession(
            id: id, csrfToken: record.csrfToken, language: Language(rawValue: record.language) ?? .en,
            createdAt: record.createdAt, expiresAt: record.expiresAt, tokenBinding: record.tokenBinding)
    }

    public func remove(id: String) async throws {
        let idHash = SessionDigest.sha256Hex(id)
        try await waitAtMost(answerWithin) { [storage] in try await storage.deleteAdminSession(idHash: idHash) }
    }

    public func removeSessions(notBoundTo tokenBinding: String) async throws {
        try await waitAtMost(answerWithin) { [storage] in
            _ = try await storage.deleteAdminSessions(notBoundTo: tokenBinding)
        }
    }

    public func removeExpired() async throws {
        try await waitAtMost(answerWithin) { [storage] in _ = try await storage.deleteExpiredAdminSessions() }
    }
}
