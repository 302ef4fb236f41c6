import Foundation
import Gateway

// The monitor page's counts. Each is one statement over an index: the time windows and the
// per-minute trend over `(request_time, is_success)` (migration 5), per-key counts over
// `(api_key, request_time)`, attention keys over `t_error_logs(error_code, request_time)`.
// `is_success` holds 0 or 1 (gemini-balance's BOOL, Gemgate's 0/1), so its sum counts successes.
extension SQLStorage {
    public func requestCounts(since starts: [Date]) async throws -> [OutcomeCounts] {
        // One small statement per window, run side by side. (A single pass with a CASE per
        // window was measured six times slower on SQLite: the comparisons cost more than
        // reading the covering index twice.)
        let sql = "SELECT COUNT(*) AS n, SUM(is_success) AS ok FROM t_request_log"
            + " WHERE request_time >= \(dialect.timestampPlaceholder)"
        let times = logTimes
        return try await withThrowingTaskGroup(of: (Int, OutcomeCounts).self) { group in
            for (index, start) in starts.enumerated() {
                group.addTask { [driver] in
                    let row = try await driver.query(sql, [.text(times.string(from: start))]).first
                    let total = row?["n"].int ?? 0
                    let ok = row?["ok"].int ?? 0
                    return (index, OutcomeCounts(successes: ok, failures: total - ok))
                }
            }
            var counts = Array(repeating: OutcomeCounts(), count: starts.count)
            for try await (index, count) in group { counts[index] = count }
            return counts
        }
    }

    public func requestsPerMinute(since start: Date) async throws -> [MinuteCounts] {
        let minute = dialect.minuteOf("request_time")
        let sql = "SELECT \(minute) AS minute, COUNT(*) AS total, SUM(is_success) AS ok"
            + " FROM t_request_log WHERE request_time >= \(dialect.timestampPlaceholder)"
            + " GROUP BY \(minute) ORDER BY \(minute)"
        let times = logTimes
        let rows = try await driver.query(sql, [.text(times.string(from: start))])
        return rows.compactMap { row in
            guard let text = row["minute"].string, let date = times.date(from: text) else { return nil }
            let total = row["total"].int ?? 0
            let ok = row["ok"].int ?? 0
            return MinuteCounts(start: date, counts: OutcomeCounts(successes: ok, failures: total - ok))
        }
    }

    public func keysByErrorCount(errorCode: Int, since start: Date, limit: Int) async throws -> [KeyErrorCount] {
        let sql = "SELECT gemini_key, COUNT(*) AS n FROM t_error_logs"
            + " WHERE error_code = ? AND request_time >= \(dialect.timestampPlaceholder) AND gemini_key IS NOT NULL"
            + " GROUP BY gemini_key ORDER BY n DESC, gemini_key " + SQLDialect.limitOffset
        let rows = try await driver.query(sql, [
            .int(Int64(errorCode)), .text(logTimes.string(from: start)), .int(Int64(max(0, limit))), .int(0),
        ])
        return rows.compactMap { row in
            guard let key = row["gemini_key"].string else { return nil }
            return KeyErrorCount(key: key, count: row["n"].int ?? 0)
        }
    }

    public func requestCountsByKey(_ keys: [String], since start: Date) async throws -> [String: OutcomeCounts] {
        var result: [String: OutcomeCounts] = [:]
        let since = SQLValue.text(logTimes.string(from: start))
        for chunk in BatchChunking.chunks(Array(Set(keys)), maxRows: 500) {
            let sql = "SELECT api_key, COUNT(*) AS total, SUM(is_success) AS ok"
                + " FROM t_request_log WHERE api_key IN \(SQLDialect.placeholders(chunk.count))"
                + " AND request_time >= \(dialect.timestampPlaceholder) GROUP BY api_key"
            let rows = try await driver.query(sql, chunk.map { .text($0) } + [since])
            for row in rows {
                guard let key = row["api_key"].string else { continue }
                let total = row["total"].int ?? 0
                let ok = row["ok"].int ?? 0
                result[key] = OutcomeCounts(successes: ok, failures: total - ok)
            }
        }
        return result
    }

    public func requestCountsByModel(key: String?, since start: Date) async throws -> [ModelCallCount] {
        var conditions = SQLConditions()
        if let key { conditions.add("api_key = ?", .text(key)) }
        conditions.add("request_time >= \(dialect.timestampPlaceholder)", .text(logTimes.string(from: start)))
        let sql = "SELECT model_name, COUNT(*) AS total, SUM(is_success) AS ok"
            + " FROM t_request_log" + conditions.clause + " GROUP BY model_name ORDER BY total DESC, model_name"
        return try await driver.query(sql, conditions.binds).map { row in
            let total = row["total"].int ?? 0
            let ok = row["ok"].int ?? 0
            return ModelCallCount(model: row["model_name"].string, counts: OutcomeCounts(successes: ok, failures: total - ok))
        }
    }

    public func requestCountsByToken(_ filter: RequestLogFilter) async throws -> [TokenCallCount] {
        let conditions = requestLogConditions(filter)
        let sql = "SELECT token_fingerprint, COUNT(*) AS total, SUM(is_success) AS ok"
            + " FROM t_request_log" + conditions.clause + " GROUP BY token_fingerprint ORDER BY total DESC"
        return try await driver.query(sql, conditions.binds).map { row in
            let total = row["total"].int ?? 0
            let ok = row["ok"].int ?? 0
            return TokenCallCount(tokenFingerprint: row["token_fingerprint"].string,
                                  counts: OutcomeCounts(successes: ok, failures: total - ok))
        }
    }
}
