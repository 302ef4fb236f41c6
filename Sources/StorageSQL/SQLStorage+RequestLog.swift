import Foundation
import Gateway

// `t_request_log`: one row per upstream attempt, as gemini-balance writes it, plus Gemgate's
// `token_fingerprint`. `request_time` is naive local time in `logTimeZone`.
extension SQLStorage {
    private static let requestLogTable = "t_request_log"

    /// Inserts the batch in one transaction, as multi-row INSERTs.
    public func insertRequestLogs(_ entries: [RequestLogEntry]) async throws {
        guard !entries.isEmpty else { return }
        let table = Self.requestLogTable
        let limits = self.limits
        let times = logTimes
        let rows: [[SQLValue]] = entries.map { entry in
            [
                .text(times.string(from: entry.time)),
                SQLValue(limits.fit(entry.model, table: table, column: "model_name")),
                SQLValue(limits.fit(entry.apiKey, table: table, column: "api_key")),
                .int(entry.isSuccess ? 1 : 0),
                SQLValue(entry.statusCode),
                SQLValue(entry.latencyMs),
                SQLValue(limits.fit(entry.tokenFingerprint, table: table, column: "token_fingerprint")),
            ]
        }
        let head = "INSERT INTO \(table) (request_time, model_name, api_key, is_success, status_code, latency_ms,"
            + " token_fingerprint) VALUES "
        let rowPlaceholders = "(\(dialect.timestampPlaceholder), ?, ?, ?, ?, ?, ?)"
        try await driver.transaction { connection in
            for chunk in BatchChunking.chunks(rows) {
                let sql = head + Array(repeating: rowPlaceholders, count: chunk.count).joined(separator: ", ")
                try await connection.execute(sql, chunk.flatMap { $0 })
            }
        }
    }

    public func deleteRequestLogs(before date: Date) async throws -> Int {
        try await deleteLogRows(from: Self.requestLogTable, before: date)
    }

    /// The newest rows first (by id, which follows insertion order), for tests and the panel.
    public func recentRequestLogs(limit: Int) async throws -> [RequestLogRecord] {
        let sql = "SELECT \(requestLogColumns) FROM \(Self.requestLogTable) ORDER BY id DESC LIMIT ?"
        let rows = try await driver.query(sql, [.int(Int64(max(0, limit)))])
        let times = logTimes
        return rows.map { requestLogRecord($0, times: times) }
    }
}
