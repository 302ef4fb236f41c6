import Foundation

/// Where admin sessions are kept: in memory for one instance (`InMemoryAdminSessionStore`), in
/// the shared database when several instances serve one panel (`StoredAdminSessionStore`).
///
/// A store enforces expiry by its own clock (the process's, or the database's, which all
/// instances share); whether a session was made under the admin token in force now is decided
/// by `AdminSessions`, the same for every store.
public protocol AdminSessionStore: Sendable {
    /// Keeps a new session, valid for `session.lifetime` from now by the store's clock.
    func insert(_ session: NewAdminSession) async throws

    /// The session with this id, unless it is unknown, past its own expiry, or older than
    /// `maxLifetime` (the lifetime allowed now, which may have been shortened since the login).
    func session(id: String, maxLifetime: Duration) async throws -> AdminSession?

    func remove(id: String) async throws

    /// Removes every session not made under the admin token `tokenBinding` stands for (the admin
    /// token changed). Safe to run more than once and on every instance: sessions made under the
    /// new token stay.
    func removeSessions(notBoundTo tokenBinding: String) async throws

    /// Removes sessions past their own expiry.
    func removeExpired() async throws
}

/// A session just granted at login, before a store keeps it.
public struct NewAdminSession: Sendable, Equatable {
    /// 256 random bits, base64url; the cookie's value.
    public let id: String
    /// 256 random bits, base64url; required on every change (`X-CSRF-Token` or `csrf_token`).
    public let csrfToken: String
    /// The panel's language at login, used when the browser sends no language cookie.
    public let language: Language
    /// `AdminSessions.binding(adminToken:)` of the admin token in force at login.
    public let tokenBinding: String
    /// From `ADMIN_SESSION_EXPIRE`; never extended.
    public let lifetime: Duration

    public init(id: String, csrfToken: String, language: Language, tokenBinding: String, lifetime: Duration) {
        self.id = id
        self.csrfToken = csrfToken
        self.language = language
        self.tokenBinding = tokenBinding
        self.lifetime = lifetime
    }
}

/// One logged-in browser, as a store gives it back.
public struct AdminSession: Sendable, Equatable {
    public let id: String
    public let csrfToken: String
    public let language: Language
    /// By the store's clock.
    public let createdAt: Date
    public let expiresAt: Date
    /// Ties the session to the admin token in force at login, without storing the token.
    public let tokenBinding: String

    public init(id: String, csrfToken: String, language: Language, createdAt: Date, expiresAt: Date, tokenBinding: String) {
        self.id = id
        self.csrfToken = csrfToken
        self.language = language
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.tokenBinding = tokenBinding
    }

    /// Within its own expiry and within `maxLifetime` of its creation, at `now`.
    func isCurrent(at now: Date, maxLifetime: Duration) -> Bool {
        let (seconds, attoseconds) = maxLifetime.components
        let lifetime = TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
        return expiresAt > now && createdAt.addingTimeInterval(lifetime) > now
    }
}
