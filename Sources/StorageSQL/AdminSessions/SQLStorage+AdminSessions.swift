import Foundation
import Gateway

// `AdminSessionStorage`, sessions: one row per logged-in browser in `gg_admin_sessions`. Expiry
// is decided by the queries against the database's clock, so every instance agrees on it.
extension SQLStorage {
    public func insertAdminSession(_ session: NewAdminSessionRecord, lifetime: Duration) async throws {
        let now = dialect.databaseNowMilliseconds
        let sql = "INSERT INTO gg_admin_sessions"
            + " (session_hash, csrf_token, panel_language, token_binding, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?, \(now), \(now) + ?)"
        try await driver.execute(sql, [
            .text(session.idHash), .text(session.csrfToken), .text(String(session.language.prefix(8))),
            .text(session.tokenBinding), .int(Self.milliseconds(lifetime)),
        ])
    }

    public func adminSession(idHash: String, maxLifetime: Duration) async throws -> AdminSessionRecord? {
        let now = dialect.databaseNowMilliseconds
        let sql = "SELECT session_hash, csrf_token, panel_language, token_binding, created_at, expires_at"
            + " FROM gg_admin_sessions WHERE session_hash = ? AND expires_at > \(now) AND created_at > \(now) - ?"
        let rows = try await driver.query(sql, [.text(idHash), .int(Self.milliseconds(maxLifetime))])
        guard let row = rows.first, let hash = row["session_hash"].string, let csrf = row["csrf_token"].string,
              let binding = row["token_binding"].string
        else { return nil }
        return AdminSessionRecord(
            idHash: hash, csrfToken: csrf, language: row["panel_language"].string ?? "", tokenBinding: binding,
            createdAt: EpochMilliseconds.date(row["created_at"].int64 ?? 0),
            expiresAt: EpochMilliseconds.date(row["expires_at"].int64 ?? 0))
    }

    public func deleteAdminSession(idHash: String) async throws {
        try await driver.execute("DELETE FROM gg_admin_sessions WHERE session_hash = ?", [.text(idHash)])
    }

    @discardableResult
    public func deleteAdminSessions(notBoundTo tokenBinding: String) async throws -> Int {
        try await driver.execute(
            "DELETE FROM gg_admin_sessions WHERE token_binding <> ?", [.text(tokenBinding)]).affectedRows
    }

    @discardableResult
    public func deleteExpiredAdminSessions() async throws -> Int {
        try await driver.execute(
            "DELETE FROM gg_admin_sessions WHERE expires_at <= \(dialect.databaseNowMilliseconds)", []).affectedRows
    }
}
