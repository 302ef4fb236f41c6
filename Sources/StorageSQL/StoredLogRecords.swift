import Foundation
import Gateway

/// A `t_request_log` row as read back. Fields are optional where gemini-balance's column is
/// nullable: rows it wrote may lack them.
public struct StoredRequestLog: Sendable, Equatable {
    public var id: Int64
    /// Absolute time (the stored naive local time read in `logTimeZone`).
    public var time: Date?
    public var model: String?
    public var apiKey: String?
    public var isSuccess: Bool
    public var statusCode: Int?
    public var latencyMs: Int?
    public var tokenFingerprint: String?

    /// The row as the core's record (a missing time reads as 1970).
    public var entry: RequestLogEntry {
        RequestLogEntry(time: time ?? Date(timeIntervalSince1970: 0), model: model, apiKey: apiKey,
                        isSuccess: isSuccess, statusCode: statusCode, latencyMs: latencyMs,
                        tokenFingerprint: tokenFingerprint)
    }
}

/// A `t_error_logs` row as read back. An old gemini-balance table has no `model_name`,
/// `error_type` or `error_code` until `prepare()` adds them, and its old rows keep them NULL.
public struct StoredErrorLog: Sendable, Equatable {
    public var id: Int64
    public var time: Date?
    public var apiKey: String?
    public var model: String?
    public var errorType: String?
    public var errorLog: String?
    public var errorCode: Int?
    /// JSON text; nil for SQL NULL and for the text `null` gemini-balance wrote for "no body".
    public var requestBody: String?

    public var entry: ErrorLogEntry {
        ErrorLogEntry(time: time ?? Date(timeIntervalSince1970: 0), apiKey: apiKey, model: model,
                      errorType: errorType ?? "", errorLog: errorLog ?? "", errorCode: errorCode,
                      requestBody: requestBody)
    }
}
