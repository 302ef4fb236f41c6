import Foundation
import Gateway

/// How gemini-balance spells values in its tables, so that rows written by either program read
/// the same in both.
enum GeminiBalanceValues {
    /// `t_settings.description`, exactly as gemini-balance's `sync_initial_settings` writes it.
    static func settingDescription(forKey key: String) -> String {
        "\(key) configuration setting"
    }

    /// The largest request body kept in `t_error_logs.request_msg`. Bigger bodies (inline images)
    /// would exceed MySQL's packet size and fail the whole batch, so they are cut (the log writer
    /// already cuts them the same way when they are recorded).
    static let maxRequestMessageBytes = ErrorLogEntry.maxStoredRequestBodyBytes

    /// `request_msg` as text to store: always JSON that every database accepts, because MySQL's
    /// JSON column, MariaDB's `CHECK (json_valid(...))` (and gemini-balance's reader, on every
    /// database) reject anything else, and one refused row fails its whole batch. A body that is
    /// not JSON, too large, or nested deeper than MariaDB accepts (`JSONNesting`) is stored as a
    /// JSON string holding (a prefix of) the text.
    static func requestMessageForStorage(_ body: String?) -> String? {
        guard let body else { return nil }
        let data = Data(body.utf8)
        if data.count <= maxRequestMessageBytes,
           (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil,
           JSONNesting.depth(of: body) <= JSONNesting.maxDepthEveryDatabaseAccepts {
            return body
        }
        let kept = TextFitting.fit(body, maxCharacters: nil, maxBytes: ErrorLogEntry.storedRequestBodyPrefixBytes)
        return jsonStringLiteral(kept)
    }

    /// `request_msg` as read: SQL NULL and the JSON text `null` (how gemini-balance stored Python's
    /// `None`) both mean "no body".
    static func requestMessageFromStorage(_ stored: String?) -> String? {
        guard let stored else { return nil }
        let trimmed = stored.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty || trimmed == "null" ? nil : stored
    }

    private static func jsonStringLiteral(_ text: String) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed]),
              let literal = String(data: data, encoding: .utf8)
        else { return "null" }
        return literal
    }
}
