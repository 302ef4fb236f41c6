import Foundation

/// What the admin panel needs from a database that several instances share, so that a login made
/// through one instance is honoured by all of them and wrong logins are counted once for all of
/// them: the sessions (`gg_admin_sessions`) and the failed logins per client address
/// (`gg_login_failures`, `gg_login_lockouts`).
///
/// The gateway uses it only where `isShared` is true; one instance on a SQLite file keeps both in
/// memory. A session id never reaches the database: callers pass a SHA-256 of it (`idHash`), so
/// reading the table does not let anyone use a session. Times (creation, expiry, failures,
/// lockouts) are epoch milliseconds from the database's clock, as for the cluster tables, so
/// instances whose clocks disagree still agree on when a session ends.
public protocol AdminSessionStorage: Sendable {
    // MARK: Sessions (`gg_admin_sessions`)

    /// Keeps a new session, created now and expiring `lifetime` from now by the database's clock.
    func insertAdminSession(_ session: NewAdminSessionRecord, lifetime: Duration) async throws

    /// The session with this id hash, unless it is past its expiry or older than `maxLifetime`
    /// (the lifetime allowed now, which may be shorter than at login), by the database's clock.
    func adminSession(idHash: String, maxLifetime: Duration) async throws -> AdminSessionRecord?

    /// Deletes one session (logout, or a session whose admin token is no longer in force).
    func deleteAdminSession(idHash: String) async throws

    /// Deletes every session made under another admin token than the one `tokenBinding` stands
    /// for; returns how many went. Idempotent, so each instance may run it when it learns of a
    /// new admin token without ending sessions already made under the new one.
    @discardableResult
    func deleteAdminSessions(notBoundTo tokenBinding: String) async throws -> Int

    /// Deletes sessions past their expiry; returns how many went.
    @discardableResult
    func deleteExpiredAdminSessions() async throws -> Int

    // MARK: Failed logins (`gg_login_failures`, `gg_login_lockouts`)

    /// The end of the address's lockout, if it is locked out now.
    func loginLockout(address: String) async throws -> Date?

    /// Notes a failed login from the address. When this makes `rule.maxFailures` within
    /// `rule.window`, locks the address out for `rule.lockout`, forgets its failures, and
    /// returns the end of the lockout.
    func recordLoginFailure(address: String, rule: LoginFailureRule) async throws -> Date?

    /// Forgets the address's failures and lockout (a successful login).
    func clearLoginFailures(address: String) async throws

    /// Deletes failures older than `rule.window` and lockouts that have ended; returns how many
    /// rows went.
    @discardableResult
    func pruneLoginFailures(rule: LoginFailureRule) async throws -> Int
}

/// A session to keep. Its times are set by the database.
public struct NewAdminSessionRecord: Sendable, Equatable {
    /// SHA-256 of the session id, lower-case hex.
    public var idHash: String
    public var csrfToken: String
    /// `en` or `zh`: the panel's language at login.
    public var language: String
    /// Stands for the admin token in force at login, without being it (`AdminSessions.binding`).
    public var tokenBinding: String

    public init(idHash: String, csrfToken: String, language: String, tokenBinding: String) {
        self.idHash = idHash
        self.csrfToken = csrfToken
        self.language = language
        self.tokenBinding = tokenBinding
    }
}

/// A session as the database keeps it.
public struct AdminSessionRecord: Sendable, Equatable {
    public var idHash: String
    public var csrfToken: String
    public var language: String
    public var tokenBinding: String
    /// By the database's clock.
    public var createdAt: Date
    public var expiresAt: Date

    public init(idHash: String, csrfToken: String, language: String, tokenBinding: String, createdAt: Date, expiresAt: Date) {
        self.idHash = idHash
        self.csrfToken = csrfToken
        self.language = language
        self.tokenBinding = tokenBinding
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// How many wrong logins lock an address out, within which window, and for how long.
public struct LoginFailureRule: Sendable, Equatable {
    public var maxFailures: Int
    public var window: Duration
    public var lockout: Duration

    public init(maxFailures: Int, window: Duration, lockout: Duration) {
        self.maxFailures = maxFailures
        self.window = window
        self.lockout = lockout
    }
}
