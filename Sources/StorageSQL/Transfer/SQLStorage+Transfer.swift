import Foundation
import Gateway

// `gemgate migrate`: reading gemini-balance's tables from one database and writing them into
// another. Reads ask only for columns the source has (an old gemini-balance table lacks some;
// they read as NULL), so a source is never altered. Writes go in one transaction per batch with
// the progress row, so an interrupted copy resumes where it stopped and a repeated one adds
// nothing.
extension SQLStorage {
    /// The rows with an id above `id` (0 for all), or 0 when the table does not exist.
    public func transferRowCount(_ table: TransferTable, after id: Int64 = 0) async throws -> Int {
        guard try await !columnNames(of: table.rawValue).isEmpty else { return 0 }
        let rows = try await driver.query("SELECT COUNT(*) AS n FROM \(dialect.quoted(table.rawValue)) WHERE id > ?", [.int(id)])
        return rows.first?["n"].int ?? 0
    }

    /// Up to `limit` rows with an id above `id`, in id order; nil when the table does not exist
    /// here, an empty batch when nothing is left.
    public func readTransferBatch(_ table: TransferTable, after id: Int64, limit: Int) async throws -> TransferBatch? {
        let present = Set(try await columnNames(of: table.rawValue))
        guard !present.isEmpty else { return nil }
        let selections = table.columns.map { column -> String in
            let alias = dialect.quoted("c_" + column.name)
            guard present.contains(column.name) else { return "NULL AS \(alias)" }
            let quoted = dialect.quoted(column.name)
            switch column.kind {
            case .logTime, .utcTime: return "\(dialect.timestampAsText(quoted)) AS \(alias)"
            case .text, .json, .integer: return "\(quoted) AS \(alias)"
            }
        }
        let sql = "SELECT id, \(selections.joined(separator: ", ")) FROM \(dialect.quoted(table.rawValue))"
            + " WHERE id > ? ORDER BY id LIMIT ?"
        let rows = try await driver.query(sql, [.int(id), .int(Int64(limit))])
        let logTimes = self.logTimes
        let settingsTimes = self.settingsTimes
        var lastID = id
        let cells: [[TransferBatch.Cell]] = rows.map { row in
            lastID = max(lastID, row["id"].int64 ?? lastID)
            return table.columns.map { column in
                let value = row["c_" + column.name]
                switch column.kind {
                case .text, .json:
                    return value.string.map(TransferBatch.Cell.text) ?? .null
                case .integer:
                    // Booleans arrive as 0/1 or true/false depending on the database.
                    if let number = value.int64 { return .integer(number) }
                    if let flag = value.bool { return .integer(flag ? 1 : 0) }
                    return .null
                case .logTime:
                    return value.string.flatMap(logTimes.date(from:)).map(TransferBatch.Cell.time) ?? .null
                case .utcTime:
                    return value.string.flatMap(settingsTimes.date(from:)).map(TransferBatch.Cell.time) ?? .null
                }
            }
        }
        return TransferBatch(table: table, rows: cells, lastID: lastID)
    }

    /// How far the copy from `source` into this database got for `table` (0: not started).
    public func transferProgress(source: String, table: TransferTable) async throws -> Int64 {
        let rows = try await driver.query("SELECT last_id FROM gg_transfer_progress WHERE transfer_key = ?",
                                          [.text(Self.transferKey(source: source, table: table))])
        return rows.first?["last_id"].int64 ?? 0
    }

    /// Writes the batch in one transaction, with the progress row when the table tracks it.
    /// Settings and file records replace the row with the same name; log rows are appended.
    public func writeTransferBatch(_ batch: TransferBatch, source: String) async throws {
        guard !batch.rows.isEmpty else { return }
        let table = batch.table
        let columns = table.columns
        let limits = self.limits
        if table == .settings {
            // Refused as `saveSettings` refuses it, never cut: a JSON list of keys cut to a
            // gemini-balance TEXT column is not JSON any more.
            try Self.checkFits(Self.settingValues(in: batch), limit: limits.limit(table: table.rawValue, column: "value"))
        }
        let logTimes = self.logTimes
        let settingsTimes = self.settingsTimes
        let values: [[SQLValue]] = batch.rows.map { row in
            zip(columns, row).map { column, cell in
                switch cell {
                case .null:
                    return .null
                case .integer(let number):
                    return .int(number)
                case .text(let text):
                    if column.kind == .json {
                        return SQLValue(GeminiBalanceValues.requestMessageForStorage(text))
                    }
                    return .text(limits.fit(text, table: table.rawValue, column: column.name))
                case .time(let date):
                    return .text(column.kind == .logTime ? logTimes.string(from: date) : settingsTimes.string(from: date))
                }
            }
        }
        let placeholders = "(" + columns.map { column in
            column.kind == .logTime || column.kind == .utcTime ? dialect.timestampPlaceholder : "?"
        }.joined(separator: ", ") + ")"
        let head = "INSERT INTO \(dialect.quoted(table.rawValue)) (\(columns.map { dialect.quoted($0.name) }.joined(separator: ", "))) VALUES "
        // Rows with a name replace the row of that name; log rows are appended.
        let tail = table.naturalKey.map { naturalKey in
            " " + dialect.upsertClause(conflictColumns: [naturalKey], updating: columns.map(\.name).filter { $0 != naturalKey })
        } ?? ""
        let progressKey = table.tracksProgress ? Self.transferKey(source: source, table: table) : nil
        let progressSQL = "INSERT INTO gg_transfer_progress (transfer_key, last_id, copied_rows, updated_at) VALUES (?, ?, ?, ?) "
            + dialect.upsertClause(conflictColumns: ["transfer_key"], updating: ["last_id", "copied_rows", "updated_at"])
        var copiedSoFar: Int64 = 0
        if let progressKey {
            let rows = try await driver.query("SELECT copied_rows FROM gg_transfer_progress WHERE transfer_key = ?", [.text(progressKey)])
            copiedSoFar = rows.first?["copied_rows"].int64 ?? 0
        }
        let copiedBefore = copiedSoFar
        let chunks = BatchChunking.chunks(values) { row in
            row.reduce(0) { total, value in
                if case .text(let text) = value { return total + text.utf8.count }
                return total
            }
        }
        let announce = table == .settings && isShared
        try await driver.transaction { connection in
            for chunk in chunks {
                let sql = head + Array(repeating: placeholders, count: chunk.count).joined(separator: ", ") + tail
                try await connection.execute(sql, chunk.flatMap { $0 })
            }
            if let progressKey {
                try await connection.execute(progressSQL, [
                    .text(progressKey), .int(batch.lastID), .int(copiedBefore + Int64(batch.rows.count)),
                    .int(EpochMilliseconds.value(Date())),
                ])
            }
            // Instances running on the target take the copied settings in at once.
            if announce { try await self.appendChange(ClusterChange(kind: .settings, origin: nil), on: connection) }
        }
    }

    /// A settings batch as name → value, for `checkFits`.
    private static func settingValues(in batch: TransferBatch) -> [String: String] {
        let names = batch.table.columns.map(\.name)
        guard let keyIndex = names.firstIndex(of: "key"), let valueIndex = names.firstIndex(of: "value") else { return [:] }
        var values: [String: String] = [:]
        for row in batch.rows {
            guard case .text(let key) = row[keyIndex] else { continue }
            if case .text(let value) = row[valueIndex] { values[key] = value } else { values[key] = "" }
        }
        return values
    }

    static func transferKey(source: String, table: TransferTable) -> String {
        String(source.prefix(200)) + "|" + table.rawValue
    }
}
