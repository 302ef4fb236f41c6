import Foundation
import Gateway

/// The data the benchmark loads: keys shaped like Google's, and request-log rows spread evenly
/// over the last `days`, over every key and a few models, one in ten a failure. Deterministic.
struct BenchDataset: Sendable {
    let keyCount: Int
    let rowCount: Int
    let days: Double

    static let models = ["gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.0-flash", "gemini-2.5-flash-lite"]
    static let adminToken = "panel-bench-admin-token-000000000001"

    var keys: [String] {
        (0..<keyCount).map { index in
            let digits = String(index)
            let body = "BenchKey" + String(repeating: "x", count: 35 - 8 - digits.count) + digits
            return "AIza" + body
        }
    }

    /// Rows `start..<end` (newest first by index), for batched inserts.
    func rows(_ range: Range<Int>, keys: [String], now: Date) -> [RequestLogEntry] {
        let span = days * 86_400
        return range.map { index in
            let failed = index % 10 == 0
            return RequestLogEntry(
                time: now.addingTimeInterval(-span * Double(index) / Double(rowCount)),
                model: Self.models[index % Self.models.count], apiKey: keys[(index * 7_919) % keys.count],
                isSuccess: !failed, statusCode: failed ? [429, 403, 400, 500][index / 10 % 4] : 200,
                latencyMs: 200 + index % 1_500, tokenFingerprint: Secret.fingerprint("sk-bench-\(index % 5)"))
        }
    }

    /// One error-log row for each failed call in the last day (the attention query reads these).
    func errors(keys: [String], now: Date) -> [ErrorLogEntry] {
        let lastDay = Int(Double(rowCount) / days)
        return stride(from: 0, to: lastDay, by: 10).map { index in
            ErrorLogEntry(
                time: now.addingTimeInterval(-days * 86_400 * Double(index) / Double(rowCount)),
                apiKey: keys[(index * 7_919) % keys.count], model: Self.models[index % Self.models.count],
                errorType: "rate_limited", errorLog: "{\"error\":{\"code\":429}}", errorCode: [429, 403, 400, 500][index / 10 % 4])
        }
    }
}
