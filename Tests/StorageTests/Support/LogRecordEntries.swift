import Foundation
import Gateway

// A log row read back, as the entry that wrote it, so round-trip tests compare whole values.

extension RequestLogRecord {
    /// A missing time reads as 1970.
    var entry: RequestLogEntry {
        RequestLogEntry(
            time: time ?? Date(timeIntervalSince1970: 0), model: model, apiKey: apiKey, isSuccess: isSuccess,
            statusCode: statusCode, latencyMs: latencyMs, tokenFingerprint: tokenFingerprint)
    }
}

extension ErrorLogDetail {
    /// A missing time reads as 1970, a missing type or body as empty text.
    var entry: ErrorLogEntry {
        ErrorLogEntry(
            time: summary.time ?? Date(timeIntervalSince1970: 0), apiKey: summary.apiKey, model: summary.model,
            errorType: summary.errorType ?? "", errorLog: errorLog ?? "", errorCode: summary.errorCode,
            requestBody: requestBody)
    }
}
