import Foundation

/// What an upstream answer means for the key, the request and the retry loop
/// (DESIGN.md §3; the table in gemini-wire.md §4.4).
public enum UpstreamVerdict: Sendable, Equatable {
    case success
    /// The key is at fault: try another key. Permanent faults (leaked, suspended, API disabled)
    /// bench the key at once; others count towards `MAX_FAILURES`.
    case keyInvalid(permanent: Bool)
    /// The key (its project) is rate-limited for this model until the given time: rest it for
    /// this model and try another key.
    case rateLimited(until: Date, reason: CooldownReason)
    /// The request itself is wrong (bad field, unknown model): answer the client now, no retry,
    /// no penalty.
    case requestRejected
    /// Google refuses the gateway's region: no key is to blame and no key will do better.
    case regionBlocked
    /// Google or the network stumbled (500, 503, timeout, reset): try another key, no penalty.
    case transient
    /// Gemgate sent the request wrongly (no key, wrong auth scheme): a bug to report, no penalty.
    case gatewayFault

    /// Whether another attempt on another key may succeed.
    public var isRetryable: Bool {
        switch self {
        case .keyInvalid, .rateLimited, .transient: true
        case .success, .requestRejected, .regionBlocked, .gatewayFault: false
        }
    }

    /// The category written to `t_error_logs.error_type`.
    public var errorType: String {
        switch self {
        case .success: "success"
        case .keyInvalid(let permanent): permanent ? "key_unusable" : "key_invalid"
        case .rateLimited: "rate_limited"
        case .requestRejected: "bad_request"
        case .regionBlocked: "region_blocked"
        case .transient: "upstream_unavailable"
        case .gatewayFault: "gateway_fault"
        }
    }
}
