import Foundation
import Gateway

// Reading `t_request_log` and `t_error_logs` rows into the core's records, written once for the
// panel's log pages and for `recentRequestLogs` / `recentErrorLogs`. Each reader goes with the
// column list it reads, so a query cannot select one set and read another.
extension SQLStorage {
    /// The `t_request_log` columns `requestLogRecord(_:)` reads.
    var requestLogColumns: String {
        "id, \(dialect.timestampAsText("request_time")) AS request_time, model_name, api_key,"
            + " is_success, status_code, latency_ms, token_fingerprint"
    }

    /// A row's times are naive local time in `logTimeZone`; a nullable column may be missing in
    /// rows gemini-balance wrote.
    func requestLogRecord(_ row: SQLRow, times: NaiveTimestampCodec) -> RequestLogRecord {
        RequestLogRecord(
            id: row["id"].int64 ?? 0, time: row["request_time"].string.flatMap(times.date(from:)),
            model: row["model_name"].string, apiKey: row["api_key"].string,
            isSuccess: row["is_success"].bool ?? false, statusCode: row["status_code"].int,
            latencyMs: row["latency_ms"].int, tokenFingerprint: row["token_fingerprint"].string)
    }

    /// The `t_error_logs` columns `errorLogSummary(_:)` reads.
    var errorLogSummaryColumns: String {
        "id, \(dialect.timestampAsText("request_time")) AS request_time, gemini_key, model_name, error_type, error_code"
    }

    /// The `t_error_logs` columns `errorLogDetail(_:)` reads: the summary's and the bodies.
    var errorLogDetailColumns: String { errorLogSummaryColumns + ", error_log, request_msg" }

    func errorLogSummary(_ row: SQLRow, times: NaiveTimestampCodec) -> ErrorLogSummary {
        ErrorLogSummary(
            id: row["id"].int64 ?? 0, time: row["request_time"].string.flatMap(times.date(from:)),
            apiKey: row["gemini_key"].string, model: row["model_name"].string,
            errorType: row["error_type"].string, errorCode: row["error_code"].int)
    }

    /// `request_msg` is JSON text; gemini-balance's text `null` reads as no body.
    func errorLogDetail(_ row: SQLRow, times: NaiveTimestampCodec) -> ErrorLogDetail {
        ErrorLogDetail(
            summary: errorLogSummary(row, times: times), errorLog: row["error_log"].string,
            requestBody: GeminiBalanceValues.requestMessageFromStorage(row["request_msg"].string))
    }
}
