/// The admin panel's state that instances sharing one database share: sessions and failed
/// logins. Times are BIGINT epoch milliseconds from the database's clock
/// (`SQLDialect.databaseNowMilliseconds`), like the cluster tables.
enum AdminSessionTables {
    /// One row per logged-in browser. Keyed by a SHA-256 of the session id (the cookie), never the
    /// id itself; the admin token is represented only by `token_binding`, a hash of it.
    static let sessions = TableDefinition(name: "gg_admin_sessions", columns: [
        ColumnDefinition("session_hash", .varchar(64), .primaryKey),
        ColumnDefinition("csrf_token", .varchar(64), .notNull),
        ColumnDefinition("panel_language", .varchar(8), .notNull),
        ColumnDefinition("token_binding", .varchar(64), .notNull),
        ColumnDefinition("created_at", .bigInteger, .notNull),
        ColumnDefinition("expires_at", .bigInteger, .notNull),
    ])

    static let sessionsExpiryIndex = IndexDefinition(
        name: "gg_idx_admin_sessions_expires", table: "gg_admin_sessions", columns: ["expires_at"])

    /// One row per wrong login, counted per address within the throttle's window; an address's
    /// rows go when it is locked out or logs in, the rest when they leave the window.
    static let loginFailures = TableDefinition(name: "gg_login_failures", columns: [
        ColumnDefinition("id", .autoIncrementID),
        ColumnDefinition("client_address", .varchar(64), .notNull),
        ColumnDefinition("failed_at", .bigInteger, .notNull),
    ])

    static let loginFailuresAddressIndex = IndexDefinition(
        name: "gg_idx_login_failures_address", table: "gg_login_failures", columns: ["client_address", "failed_at"])

    /// Addresses locked out, until when.
    static let loginLockouts = TableDefinition(name: "gg_login_lockouts", columns: [
        ColumnDefinition("client_address", .varchar(64), .primaryKey),
        ColumnDefinition("locked_until", .bigInteger, .notNull),
    ])
}
