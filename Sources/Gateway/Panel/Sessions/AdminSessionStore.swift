import Foundation

/// Where admin sessions are kept. In memory today (`InMemoryAdminSessionStore`); a database
/// implementation lets several instances share logins. Implementations only store and find:
/// expiry and the admin-token check are decided by `AdminSessions`, the same for every store.
public protocol AdminSessionStore: Sendable {
    func insert(_ session: AdminSession) async throws
    func session(id: String) async throws -> AdminSession?
    func remove(id: String) async throws
    /// Removes every session (the admin token changed).
    func removeAll() async throws
    /// Removes sessions that expired before `date`.
    func removeExpired(before date: Date) async throws
}

/// One logged-in browser.
public struct AdminSession: Sendable, Equatable {
    /// 256 random bits, base64url; the cookie's value.
    public let id: String
    /// 256 random bits, base64url; required on every change (`X-CSRF-Token` or `csrf_token`).
    public let csrfToken: String
    public let createdAt: Date
    /// Fixed at login from `ADMIN_SESSION_EXPIRE`; never extended.
    public let expiresAt: Date
    /// Ties the session to the admin token in force at login, without storing the token:
    /// `Secret.fingerprint(id + token)`. A changed token no longer matches.
    public let tokenBinding: String

    public init(id: String, csrfToken: String, createdAt: Date, expiresAt: Date, tokenBinding: String) {
        self.id = id
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.tokenBinding = tokenBinding
    }
}
