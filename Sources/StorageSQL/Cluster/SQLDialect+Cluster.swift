// The dialect pieces of the cluster queries: the database's clock and the one-statement lease.

extension SQLDialect {
    /// An expression for the database's current time in epoch milliseconds (BIGINT). Instances
    /// compare lease expiries and heartbeats against this one clock, not their own.
    var databaseNowMilliseconds: String {
        switch self {
        case .sqlite:
            // julianday keeps milliseconds; 2440587.5 is the Julian day of 1970-01-01 00:00 UTC.
            return "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"
        case .mysql:
            // UNIX_TIMESTAMP reads NOW(3) back in the session's zone, so the result is zone-free
            // except in a daylight-saving change; the MySQL driver runs every session in UTC.
            return "CAST(ROUND(UNIX_TIMESTAMP(NOW(3)) * 1000) AS SIGNED)"
        case .postgres:
            // clock_timestamp, not now(): now() is frozen at the start of the transaction.
            return "CAST(FLOOR(EXTRACT(EPOCH FROM clock_timestamp()) * 1000) AS BIGINT)"
        }
    }

    /// Takes the lease on a job when it is free, expired, or already held by the caller, in one
    /// atomic statement; otherwise changes nothing. Binds: job, holder, duration (ms).
    /// Whether it was taken is read back afterwards (affected-row counts differ per database).
    var acquireLeaseStatement: String {
        let now = databaseNowMilliseconds
        let insert = "INSERT INTO gg_leases (job_name, holder, expires_at, acquired_at) VALUES (?, ?, \(now) + ?, \(now)) "
        switch self {
        case .mysql:
            // MySQL applies the assignments left to right and later ones see earlier results:
            // once `holder` is ours (taken just now, or already), the other columns follow it.
            return insert + "ON DUPLICATE KEY UPDATE"
                + " holder = IF(expires_at <= \(now) OR holder = VALUES(holder), VALUES(holder), holder),"
                + " expires_at = IF(holder = VALUES(holder), VALUES(expires_at), expires_at),"
                + " acquired_at = IF(holder = VALUES(holder), VALUES(acquired_at), acquired_at)"
        case .sqlite, .postgres:
            return insert + "ON CONFLICT (job_name) DO UPDATE SET holder = excluded.holder,"
                + " expires_at = excluded.expires_at, acquired_at = excluded.acquired_at"
                + " WHERE gg_leases.expires_at <= \(now) OR gg_leases.holder = excluded.holder"
        }
    }
}
