import Wire
import Foundation

/// Google's error envelope, `{"error":{"code","message","status","details":[…]}}`, read from an
/// upstream body. Streaming and OpenAI-compatible calls wrap it in a one-element array; both
/// forms are accepted.
public struct GoogleErrorBody: Sendable, Equatable {
    public var code: Int?
    public var message: String
    public var status: String?
    /// `ErrorInfo.reason` values (`API_KEY_INVALID`, `CONSUMER_SUSPENDED`, …).
    public var reasons: [String]
    /// `QuotaFailure.violations[].quotaId` values.
    public var quotaIDs: [String]
    /// `QuotaFailure.violations[].quotaValue` values.
    public var quotaValues: [String]
    /// `RetryInfo.retryDelay`, in seconds.
    public var retryDelay: TimeInterval?
    /// The `error` object itself, to relay.
    public var errorObject: JSONValue

    public init?(data: some DataProtocol) {
        guard let json = JSONValue(parsing: data) else { return nil }
        self.init(json: json)
    }

    public init?(json: JSONValue) {
        var envelope = json
        if case .array(let items) = json, let first = items.first { envelope = first }
        guard let error = envelope["error"], case .object = error else { return nil }
        errorObject = error
        code = error["code"]?.intValue
        message = error["message"]?.stringValue ?? ""
        status = error["status"]?.stringValue
        reasons = []
        quotaIDs = []
        quotaValues = []
        retryDelay = nil
        for detail in error["details"]?.arrayValue ?? [] {
            let type = detail["@type"]?.stringValue ?? ""
            if type.hasSuffix("google.rpc.ErrorInfo"), let reason = detail["reason"]?.stringValue {
                reasons.append(reason)
            } else if type.hasSuffix("google.rpc.QuotaFailure") {
                for violation in detail["violations"]?.arrayValue ?? [] {
                    if let id = violation["quotaId"]?.stringValue { quotaIDs.append(id) }
                    if let value = violation["quotaValue"]?.scalarText { quotaValues.append(value) }
                }
            } else if type.hasSuffix("google.rpc.RetryInfo"), let delay = detail["retryDelay"]?.stringValue {
                retryDelay = Self.seconds(fromDuration: delay)
            }
        }
        if retryDelay == nil { retryDelay = Self.retryDelayInMessage(message) }
        retryDelay = retryDelay.flatMap(Self.plausible)
    }

    /// The longest `retryDelay` believed: a week. A larger, negative or non-finite value (a
    /// broken or hostile upstream) is ignored, and the 429 is handled as one without a delay.
    static let longestRetryDelay: TimeInterval = 7 * 24 * 3600

    static func plausible(_ delay: TimeInterval) -> TimeInterval? {
        delay.isFinite && delay >= 0 && delay <= longestRetryDelay ? delay : nil
    }

    /// The error object without `DebugInfo` (which can name the key) and with keys masked: safe to
    /// show a client or to store.
    public var sanitizedErrorObject: JSONValue {
        guard case .object(var object) = errorObject else { return errorObject }
        if let details = object["details"]?.arrayValue {
            let kept = details.filter { !($0["@type"]?.stringValue ?? "").hasSuffix("google.rpc.DebugInfo") }
            object["details"] = kept.isEmpty ? nil : .array(kept)
        }
        if let text = object["message"]?.stringValue { object["message"] = .string(KeyRedactor.redact(text)) }
        return .object(object)
    }

    /// Parses a protobuf `Duration` string: `"37s"`, `"38.804097346s"`, `"500ms"`.
    static func seconds(fromDuration text: String) -> TimeInterval? {
        if text.hasSuffix("ms"), let value = Double(text.dropLast(2)) { return value / 1000 }
        if text.hasSuffix("s"), let value = Double(text.dropLast()) { return value }
        return nil
    }

    /// The fallback Google's own CLI uses: "Please retry in 38.804097346s."
    static func retryDelayInMessage(_ message: String) -> TimeInterval? {
        guard let range = message.range(of: "retry in ", options: .caseInsensitive) else { return nil }
        let rest = message[range.upperBound...]
        let number = rest.prefix { $0.isNumber || $0 == "." }
        let unit = rest.dropFirst(number.count)
        guard let value = Double(number) else { return nil }
        return unit.hasPrefix("ms") ? value / 1000 : value
    }
}
