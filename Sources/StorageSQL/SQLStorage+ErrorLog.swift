import Foundation
import Gateway

// `t_error_logs`: failures worth showing on the error-log page. `request_time` is naive local
// time in `logTimeZone`; `request_msg` is JSON text.
extension SQLStorage {
    private static let errorLogTable = "t_error_logs"

    /// The largest error body kept, on any database; a longer one is cut with a note saying so.
    /// (MySQL's gemini-balance column is `TEXT`, 64 KB; it is fitted further from its real size.)
    static let maxErrorLogBytes = 4 << 20

    /// Inserts the batch in one transaction, as multi-row INSERTs.
    public func insertErrorLogs(_ entries: [ErrorLogEntry]) async throws {
        guard !entries.isEmpty else { return }
        let table = Self.errorLogTable
        let limits = self.limits
        let times = logTimes
        let rows: [[SQLValue]] = entries.map { entry in
            let body = TextFitting.fit(entry.errorLog, maxCharacters: nil, maxBytes: Self.maxErrorLogBytes)
            return [
                SQLValue(limits.fit(entry.apiKey, table: table, column: "gemini_key")),
                SQLValue(limits.fit(entry.model, table: table, column: "model_name")),
                .text(limits.fit(entry.errorType, table: table, column: "error_type")),
                .text(limits.fit(body, table: table, column: "error_log")),
                SQLValue(entry.errorCode),
                SQLValue(GeminiBalanceValues.requestMessageForStorage(entry.requestBody)),
                .text(times.string(from: entry.time)),
            ]
        }
        let head = "INSERT INTO \(table) (gemini_key, model_name, error_type, error_log, error_code, request_msg,"
            + " request_time) VALUES "
        let rowPlaceholders = "(?, ?, ?, ?, ?, ?, \(dialect.timestampPlaceholder))"
        let chunks = BatchChunking.chunks(rows) { row in
            row.reduce(0) { total, value in
                if case .text(let text) = value { return total + text.utf8.count }
                return total
            }
        }
        try await driver.transaction { connection in
            for chunk in chunks {
                let sql = head + Array(repeating: rowPlaceholders, count: chunk.count).joined(separator: ", ")
                try await connection.execute(sql, chunk.flatMap { $0 })
            }
        }
    }

    public func deleteErrorLogs(before date: Date) async throws -> Int {
        try await deleteLogRows(from: Self.errorLogTable, before: date)
    }

    /// The newest rows first (by id), for tests and the panel.
    public func recentErrorLogs(limit: Int) async throws -> [ErrorLogDetail] {
        let sql = "SELECT \(errorLogDetailColumns) FROM \(Self.errorLogTable) ORDER BY id DESC LIMIT ?"
        let rows = try await driver.query(sql, [.int(Int64(max(0, limit)))])
        let times = logTimes
        return rows.map { errorLogDetail($0, times: times) }
    }
}
