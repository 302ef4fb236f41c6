import Foundation
import Gateway

// `t_settings`: gemini-balance's key/value table, shared as it is. Values are text; the core
// encodes and decodes them the way gemini-balance does.
extension SQLStorage {
    public func loadSettings() async throws -> [String: String] {
        let rows = try await driver.query("SELECT \(dialect.quoted("key")) AS setting_key, value FROM t_settings", [])
        var settings: [String: String] = [:]
        for row in rows {
            guard let key = row["setting_key"].string else { continue }
            // gemini-balance writes Python's None as "", and a NULL means the same.
            settings[key] = row["value"].string ?? ""
        }
        return settings
    }

    /// One transaction, one upsert per key: all saved or none. A new row gets gemini-balance's
    /// description and creation time; an existing one keeps both and gets the new value and
    /// `updated_at`. Times are naive UTC, as gemini-balance writes them at start-up.
    public func saveSettings(_ values: [String: String]) async throws {
        guard !values.isEmpty else { return }
        let limits = self.limits
        try Self.checkFits(values, limit: limits.limit(table: "t_settings", column: "value"))
        let now = settingsTimes.string(from: Date())
        let timestamp = dialect.timestampPlaceholder
        let sql = "INSERT INTO t_settings (\(dialect.quoted("key")), value, description, created_at, updated_at)"
            + " VALUES (?, ?, ?, \(timestamp), \(timestamp)) "
            + dialect.upsertClause(conflictColumns: ["key"], updating: ["value", "updated_at"])
        // Sorted so that concurrent saves touch rows in the same order (no lock-order deadlock).
        let entries = values.sorted { $0.key < $1.key }
        try await driver.transaction { connection in
            for (key, value) in entries {
                let description = limits.fit(GeminiBalanceValues.settingDescription(forKey: key),
                                             table: "t_settings", column: "description")
                try await connection.execute(sql, [.text(key), .text(value), .text(description), .text(now), .text(now)])
            }
            // Other instances on this database re-read the settings when this commits.
            if self.isShared { try await self.appendChange(ClusterChange(kind: .settings, origin: nil), on: connection) }
        }
    }

    /// Refuses the whole save, before anything is written, when a key is unusable or a value
    /// exceeds its column: cutting a setting would store a different setting. `gemgate migrate`
    /// checks its copied settings the same way.
    static func checkFits(_ values: [String: String], limit: ColumnLimit?) throws {
        for (key, value) in values {
            if key.isEmpty || key.unicodeScalars.count > 100 {
                throw SQLStorageError.invalidSettingKey(key)
            }
            let bytes = value.utf8.count
            if let maxBytes = limit?.maxBytes, bytes > maxBytes {
                throw SQLStorageError.settingValueTooLarge(key: key, bytes: bytes, limit: maxBytes)
            }
            if let maxCharacters = limit?.maxCharacters, value.unicodeScalars.count > maxCharacters {
                throw SQLStorageError.settingValueTooLarge(key: key, bytes: bytes, limit: maxCharacters)
            }
        }
    }
}
