import Foundation
import Gateway

// `AdminSessionStorage`, the login throttle: one row per wrong login in `gg_login_failures`,
// counted per address over a sliding window as the in-memory throttle counts them, and the
// lockouts in `gg_login_lockouts`. All times from the database's clock.
extension SQLStorage {
    public func loginLockout(address: String) async throws -> Date? {
        let rows = try await driver.query(
            "SELECT locked_until FROM gg_login_lockouts WHERE client_address = ? AND locked_until > \(dialect.databaseNowMilliseconds)",
            [.text(address)])
        return rows.first?["locked_until"].int64.map(EpochMilliseconds.date)
    }

    public func recordLoginFailure(address: String, rule: LoginFailureRule) async throws -> Date? {
        // One reading of the clock for the whole step, so the failure just written is always
        // inside the window it is counted in.
        let clock = try await driver.query("SELECT \(dialect.databaseNowMilliseconds) AS db_now", [])
        guard let now = clock.first?["db_now"].int64 else { throw DatabaseClockUnreadable() }
        // Each statement commits on its own (no transaction), on purpose: the count then sees
        // every failure committed before it, so of several failures arriving at once through
        // different instances, the last one to be counted sees them all and the lock is never
        // missed. Two of them locking at once only write the same lockout twice.
        try await driver.execute(
            "INSERT INTO gg_login_failures (client_address, failed_at) VALUES (?, ?)", [.text(address), .int(now)])
        let counted = try await driver.query(
            "SELECT COUNT(*) AS n FROM gg_login_failures WHERE client_address = ? AND failed_at > ?",
            [.text(address), .int(now - Self.milliseconds(rule.window))])
        guard (counted.first?["n"].int64 ?? 0) >= Int64(rule.maxFailures) else { return nil }
        let until = now + Self.milliseconds(rule.lockout)
        try await driver.execute(
            "INSERT INTO gg_login_lockouts (client_address, locked_until) VALUES (?, ?) "
                + dialect.upsertClause(conflictColumns: ["client_address"], updating: ["locked_until"]),
            [.text(address), .int(until)])
        // The lockout replaces the count: after it ends the address starts again from nothing.
        try await driver.execute("DELETE FROM gg_login_failures WHERE client_address = ?", [.text(address)])
        return EpochMilliseconds.date(until)
    }

    public func clearLoginFailures(address: String) async throws {
        try await driver.transaction { connection in
            try await connection.execute("DELETE FROM gg_login_failures WHERE client_address = ?", [.text(address)])
            try await connection.execute("DELETE FROM gg_login_lockouts WHERE client_address = ?", [.text(address)])
        }
    }

    @discardableResult
    public func pruneLoginFailures(rule: LoginFailureRule) async throws -> Int {
        let now = dialect.databaseNowMilliseconds
        let failures = try await driver.execute(
            "DELETE FROM gg_login_failures WHERE failed_at <= \(now) - ?", [.int(Self.milliseconds(rule.window))])
        let lockouts = try await driver.execute("DELETE FROM gg_login_lockouts WHERE locked_until <= \(now)", [])
        return failures.affectedRows + lockouts.affectedRows
    }
}

/// The database answered the clock query without a time (never seen; a driver bug).
struct DatabaseClockUnreadable: Error, CustomStringConvertible {
    var description: String { "the database did not say what time it is" }
}
