import Foundation
import Gateway

// `gg_key_state`: one row per API key, Gemgate's own table. Times are epoch milliseconds;
// cooldowns are a JSON array.
extension SQLStorage {
    private static let keyStateColumns = [
        "api_key", "status", "consecutive_failures", "benched_at", "last_error_code",
        "last_error_message", "last_error_at", "last_used_at", "cooldowns", "updated_at",
    ]

    public func loadKeyStates() async throws -> [KeyStateRecord] {
        let rows = try await driver.query(
            "SELECT \(Self.keyStateColumns.joined(separator: ", ")) FROM gg_key_state ORDER BY api_key", [])
        return rows.compactMap { row in
            guard let key = row["api_key"].string else { return nil }
            let statusText = row["status"].string ?? ""
            let status = KeyStatus(rawValue: statusText) ?? {
                logger.warning("Unknown key status in gg_key_state; treating the key as active.",
                               metadata: ["status": "\(statusText)"])
                return .active
            }()
            return KeyStateRecord(
                key: key,
                status: status,
                consecutiveFailures: row["consecutive_failures"].int ?? 0,
                benchedAt: row["benched_at"].int64.map(EpochMilliseconds.date),
                lastErrorCode: row["last_error_code"].int,
                lastErrorMessage: row["last_error_message"].string,
                lastErrorAt: row["last_error_at"].int64.map(EpochMilliseconds.date),
                lastUsedAt: row["last_used_at"].int64.map(EpochMilliseconds.date),
                cooldowns: decodeCooldowns(row["cooldowns"].string)
            )
        }
    }

    /// Inserts or replaces the given keys' rows: multi-row upserts in one transaction.
    public func saveKeyStates(_ records: [KeyStateRecord]) async throws {
        guard !records.isEmpty else { return }
        let columns = Self.keyStateColumns
        let now = EpochMilliseconds.value(Date())
        let limits = self.limits
        // Sorted so that concurrent saves lock rows in the same order.
        let rows: [[SQLValue]] = records.sorted { $0.key < $1.key }.map { record in
            [
                .text(record.key),
                .text(record.status.rawValue),
                .int(Int64(record.consecutiveFailures)),
                EpochMilliseconds.sqlValue(record.benchedAt),
                SQLValue(record.lastErrorCode),
                SQLValue(limits.fit(record.lastErrorMessage, table: "gg_key_state", column: "last_error_message")),
                EpochMilliseconds.sqlValue(record.lastErrorAt),
                EpochMilliseconds.sqlValue(record.lastUsedAt),
                .text(encodeCooldowns(record.cooldowns)),
                .int(now),
            ]
        }
        let dialect = self.dialect
        let head = "INSERT INTO gg_key_state (\(columns.joined(separator: ", "))) VALUES "
        let upsert = " " + dialect.upsertClause(conflictColumns: ["api_key"], updating: Array(columns.dropFirst()))
        let rowPlaceholders = SQLDialect.placeholders(columns.count)
        try await driver.transaction { connection in
            for chunk in BatchChunking.chunks(rows) {
                let sql = head + Array(repeating: rowPlaceholders, count: chunk.count).joined(separator: ", ") + upsert
                try await connection.execute(sql, chunk.flatMap { $0 })
            }
        }
    }

    public func deleteKeyStates(_ keys: [String]) async throws {
        guard !keys.isEmpty else { return }
        try await driver.transaction { connection in
            for chunk in BatchChunking.chunks(keys) {
                let list = SQLDialect.placeholders(chunk.count)
                try await connection.execute("DELETE FROM gg_key_state WHERE api_key IN \(list)", chunk.map { .text($0) })
            }
        }
    }

    // MARK: Cooldowns as JSON

    /// The stored shape: explicit field names and epoch milliseconds, independent of how
    /// `ModelCooldown` happens to encode itself.
    private struct StoredCooldown: Codable {
        let model: String
        let untilMs: Int64
        let reason: String
    }

    private func encodeCooldowns(_ cooldowns: [ModelCooldown]) -> String {
        let stored = cooldowns.map {
            StoredCooldown(model: $0.model, untilMs: EpochMilliseconds.value($0.until), reason: $0.reason.rawValue)
        }
        guard let data = try? JSONEncoder().encode(stored) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    private func decodeCooldowns(_ text: String?) -> [ModelCooldown] {
        guard let text, !text.isEmpty else { return [] }
        guard let stored = try? JSONDecoder().decode([StoredCooldown].self, from: Data(text.utf8)) else {
            logger.warning("Unreadable cooldowns in gg_key_state; ignoring them.")
            return []
        }
        return stored.map {
            ModelCooldown(model: $0.model, until: EpochMilliseconds.date($0.untilMs),
                          reason: CooldownReason(rawValue: $0.reason) ?? .unspecified)
        }
    }
}
