import Foundation
import Gateway

// `ClusterStorage` for the SQL backends: the instance registry, job leases and the change feed.
// On SQLite the same queries work, but only one instance uses a SQLite file, so `isShared` is
// false and the gateway leaves them idle.
extension SQLStorage {
    /// The LISTEN/NOTIFY channel that announces new rows in `gg_changes`. Spurious wake-ups (a
    /// second deployment in another schema of the same database) only cost one empty read.
    static let changeChannel = "gemgate_changes"

    public var isShared: Bool { dialect != .sqlite }

    // MARK: Instances

    public func recordHeartbeat(_ instance: InstanceRecord) async throws {
        let now = dialect.databaseNowMilliseconds
        let columns = ["instance_id", "name", "address", "version", "started_at", "last_seen"]
        let sql = "INSERT INTO gg_instances (\(columns.joined(separator: ", "))) VALUES (?, ?, ?, ?, ?, \(now)) "
            + dialect.upsertClause(conflictColumns: ["instance_id"], updating: Array(columns.dropFirst()))
        try await driver.execute(sql, [
            .text(String(instance.id.prefix(64))), .text(String(instance.name.prefix(255))),
            .text(String(instance.address.prefix(255))), .text(String(instance.version.prefix(64))),
            .int(EpochMilliseconds.value(instance.startedAt)),
        ])
    }

    public func removeInstance(id: String) async throws {
        try await driver.execute("DELETE FROM gg_instances WHERE instance_id = ?", [.text(id)])
    }

    public func liveInstances(seenWithin: Duration) async throws -> [InstanceRecord] {
        let sql = "SELECT instance_id, name, address, version, started_at, last_seen FROM gg_instances"
            + " WHERE last_seen >= \(dialect.databaseNowMilliseconds) - ? ORDER BY started_at DESC, instance_id"
        let rows = try await driver.query(sql, [.int(Self.milliseconds(seenWithin))])
        return rows.compactMap { row in
            guard let id = row["instance_id"].string else { return nil }
            return InstanceRecord(
                id: id, name: row["name"].string ?? "", address: row["address"].string ?? "",
                version: row["version"].string ?? "",
                startedAt: EpochMilliseconds.date(row["started_at"].int64 ?? 0),
                lastSeen: EpochMilliseconds.date(row["last_seen"].int64 ?? 0))
        }
    }

    public func forgetInstances(silentFor: Duration) async throws -> Int {
        let sql = "DELETE FROM gg_instances WHERE last_seen < \(dialect.databaseNowMilliseconds) - ?"
        return try await driver.execute(sql, [.int(Self.milliseconds(silentFor))]).affectedRows
    }

    // MARK: Leases

    public func acquireLease(_ job: String, holder: String, for duration: Duration) async throws -> Bool {
        try await driver.execute(dialect.acquireLeaseStatement,
                                 [.text(job), .text(holder), .int(Self.milliseconds(duration))])
        let rows = try await driver.query("SELECT holder FROM gg_leases WHERE job_name = ?", [.text(job)])
        return rows.first?["holder"].string == holder
    }

    /// Who holds a job's lease now and until when (nil when nobody ever took it), for tests and
    /// the panel.
    public func leaseHolder(_ job: String) async throws -> (holder: String, expiresAt: Date)? {
        let rows = try await driver.query("SELECT holder, expires_at FROM gg_leases WHERE job_name = ?", [.text(job)])
        guard let row = rows.first, let holder = row["holder"].string else { return nil }
        return (holder, EpochMilliseconds.date(row["expires_at"].int64 ?? 0))
    }

    // MARK: Change feed

    public func publishChange(_ change: ClusterChange) async throws {
        try await driver.transaction { connection in
            try await self.appendChange(change, on: connection)
        }
    }

    /// Appends a change inside the caller's transaction and, where the database pushes them,
    /// announces it at COMMIT (never on ROLLBACK).
    func appendChange(_ change: ClusterChange, on connection: any SQLConnection) async throws {
        let sql = "INSERT INTO gg_changes (kind, origin, payload, created_at) VALUES (?, ?, ?, \(dialect.databaseNowMilliseconds))"
        try await connection.execute(sql, [.text(change.kind.rawValue), SQLValue(change.origin), .text(change.payload)])
        if let listening = driver as? any SQLChangeListening {
            _ = try await connection.query(listening.announceStatement, [.text(Self.changeChannel), .text(change.kind.rawValue)])
        }
    }

    public func changes(after id: Int64, limit: Int) async throws -> [ClusterChangeRecord] {
        let rows = try await driver.query(
            "SELECT id, kind, origin, payload FROM gg_changes WHERE id > ? ORDER BY id LIMIT ?",
            [.int(id), .int(Int64(max(1, limit)))])
        return rows.compactMap { row in
            guard let id = row["id"].int64 else { return nil }
            return ClusterChangeRecord(
                id: id, kind: row["kind"].string.flatMap(ClusterChangeKind.init(rawValue:)),
                origin: row["origin"].string, payload: row["payload"].string ?? "")
        }
    }

    public func latestChangeID(olderThan age: Duration) async throws -> Int64 {
        let rows = try await driver.query(
            "SELECT MAX(id) AS n FROM gg_changes WHERE created_at < \(dialect.databaseNowMilliseconds) - ?",
            [.int(Self.milliseconds(age))])
        return rows.first?["n"].int64 ?? 0
    }

    public func pruneChanges(olderThan age: Duration) async throws -> Int {
        let sql = "DELETE FROM gg_changes WHERE created_at < \(dialect.databaseNowMilliseconds) - ?"
        return try await driver.execute(sql, [.int(Self.milliseconds(age))]).affectedRows
    }

    public func changeSignals() -> AsyncStream<ClusterChangeSignal>? {
        guard isShared, let listening = driver as? any SQLChangeListening else { return nil }
        return listening.changeSignals(channel: Self.changeChannel)
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
