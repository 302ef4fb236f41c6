import Foundation
import Gateway

// The request-log and error-log pages: filtered, sorted, paged, plus error details and deletes.
// Sort columns come from a fixed map, never from the caller's text.
extension SQLStorage {
    // MARK: Request log

    public func requestLogs(_ filter: RequestLogFilter, order: LogOrder, page: LogPageRequest) async throws
        -> LogPage<RequestLogRecord>
    {
        let conditions = requestLogConditions(filter)
        let total = try await count(table: "t_request_log", conditions)
        let sql = "SELECT \(requestLogColumns) FROM t_request_log" + conditions.clause
            + orderClause(order, columns: Self.requestLogSortColumns) + " " + SQLDialect.limitOffset
        let rows = try await driver.query(sql, conditions.binds + [.int(Int64(page.limit)), .int(Int64(page.offset))])
        let times = logTimes
        return LogPage(rows: rows.map { requestLogRecord($0, times: times) }, total: total)
    }

    func requestLogConditions(_ filter: RequestLogFilter) -> SQLConditions {
        var conditions = SQLConditions()
        let ts = dialect.timestampPlaceholder
        if let from = filter.from { conditions.add("request_time >= \(ts)", .text(logTimes.string(from: from))) }
        if let to = filter.to { conditions.add("request_time < \(ts)", .text(logTimes.string(from: to))) }
        if let key = filter.key { conditions.add("api_key = ?", .text(key)) }
        if let text = filter.keyContains, !text.isEmpty {
            conditions.add(dialect.containsIgnoringCase("api_key"), .text(SQLDialect.likePattern(containing: text)))
        }
        if let text = filter.modelContains, !text.isEmpty {
            conditions.add(dialect.containsIgnoringCase("model_name"), .text(SQLDialect.likePattern(containing: text)))
        }
        if let code = filter.statusCode { conditions.add("status_code = ?", .int(Int64(code))) }
        if let success = filter.isSuccess { conditions.add(success ? "is_success = 1" : "is_success <> 1") }
        if let fingerprint = filter.tokenFingerprint { conditions.add("token_fingerprint = ?", .text(fingerprint)) }
        return conditions
    }

    private static let requestLogSortColumns: [LogSortColumn: String] = [
        .id: "id", .time: "request_time", .key: "api_key", .model: "model_name", .code: "status_code",
    ]

    // MARK: Error log

    public func errorLogs(_ filter: ErrorLogFilter, order: LogOrder, page: LogPageRequest) async throws
        -> LogPage<ErrorLogSummary>
    {
        let conditions = errorLogConditions(filter)
        let total = try await count(table: "t_error_logs", conditions)
        let sql = "SELECT \(errorLogSummaryColumns) FROM t_error_logs" + conditions.clause
            + orderClause(order, columns: Self.errorLogSortColumns) + " " + SQLDialect.limitOffset
        let rows = try await driver.query(sql, conditions.binds + [.int(Int64(page.limit)), .int(Int64(page.offset))])
        let times = logTimes
        return LogPage(rows: rows.map { errorLogSummary($0, times: times) }, total: total)
    }

    public func errorLogDetail(id: Int64) async throws -> ErrorLogDetail? {
        let sql = "SELECT \(errorLogDetailColumns) FROM t_error_logs WHERE id = ?"
        guard let row = try await driver.query(sql, [.int(id)]).first else { return nil }
        return errorLogDetail(row, times: logTimes)
    }

    public func deleteErrorLogs(ids: [Int64]) async throws -> Int {
        var deleted = 0
        for chunk in BatchChunking.chunks(Array(Set(ids)), maxRows: 500) {
            let sql = "DELETE FROM t_error_logs WHERE id IN \(SQLDialect.placeholders(chunk.count))"
            deleted += try await driver.execute(sql, chunk.map { .int($0) }).affectedRows
        }
        return deleted
    }

    public func deleteAllErrorLogs() async throws -> Int {
        try await driver.execute("DELETE FROM t_error_logs", []).affectedRows
    }

    func errorLogConditions(_ filter: ErrorLogFilter) -> SQLConditions {
        var conditions = SQLConditions()
        let ts = dialect.timestampPlaceholder
        if let from = filter.from { conditions.add("request_time >= \(ts)", .text(logTimes.string(from: from))) }
        if let to = filter.to { conditions.add("request_time < \(ts)", .text(logTimes.string(from: to))) }
        if let key = filter.key { conditions.add("gemini_key = ?", .text(key)) }
        if let text = filter.keyContains, !text.isEmpty {
            conditions.add(dialect.containsIgnoringCase("gemini_key"), .text(SQLDialect.likePattern(containing: text)))
        }
        if let text = filter.textContains, !text.isEmpty {
            let pattern = SQLValue.text(SQLDialect.likePattern(containing: text))
            conditions.add(
                "(" + dialect.containsIgnoringCase("error_type") + " OR " + dialect.containsIgnoringCase("error_log") + ")",
                pattern, pattern)
        }
        if let code = filter.errorCode { conditions.add("error_code = ?", .int(Int64(code))) }
        if let text = filter.modelContains, !text.isEmpty {
            conditions.add(dialect.containsIgnoringCase("model_name"), .text(SQLDialect.likePattern(containing: text)))
        }
        return conditions
    }

    private static let errorLogSortColumns: [LogSortColumn: String] = [
        .id: "id", .time: "request_time", .key: "gemini_key", .model: "model_name", .code: "error_code",
    ]

    // MARK: Shared

    private func count(table: String, _ conditions: SQLConditions) async throws -> Int {
        let rows = try await driver.query("SELECT COUNT(*) AS n FROM \(table)" + conditions.clause, conditions.binds)
        return rows.first?["n"].int ?? 0
    }

    private func orderClause(_ order: LogOrder, columns: [LogSortColumn: String]) -> String {
        let direction = order.ascending ? "ASC" : "DESC"
        let column = columns[order.column] ?? "id"
        return column == "id" ? " ORDER BY id \(direction)" : " ORDER BY \(column) \(direction), id \(direction)"
    }
}
