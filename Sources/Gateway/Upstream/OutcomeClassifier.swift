import Foundation

/// Turns an upstream status and error body into a verdict. Pure: no state, no I/O.
public enum OutcomeClassifier {
    /// 403 reasons that mean the key or its project cannot be used as it is.
    static let unusableKeyReasons: Set<String> = [
        "CONSUMER_SUSPENDED", "SERVICE_DISABLED", "API_KEY_SERVICE_BLOCKED", "API_KEY_HTTP_REFERRER_BLOCKED",
        "API_KEY_IP_ADDRESS_BLOCKED", "API_KEY_ANDROID_APP_BLOCKED", "API_KEY_IOS_APP_BLOCKED",
    ]
    /// How long a 429 without any hint rests the key for the model.
    static let unspecifiedRateLimitCooldown: TimeInterval = 30
    /// A `limit: 0` quota means the key's tier lacks the model: rest it a day.
    static let modelNotOnTierCooldown: TimeInterval = 24 * 3600

    public static func classify(status: Int, body: GoogleErrorBody?, now: Date) -> UpstreamVerdict {
        let message = body?.message ?? ""
        let reasons = Set(body?.reasons ?? [])
        switch status {
        case 200..<300:
            return .success
        case 400:
            if reasons.contains("API_KEY_INVALID") || (reasons.isEmpty && Self.isBadKeyMessage(message)) {
                return .keyInvalid(permanent: false)
            }
            if message.localizedCaseInsensitiveContains("location is not supported") {
                return .regionBlocked
            }
            return .requestRejected
        case 401:
            if reasons.contains("ACCESS_TOKEN_TYPE_UNSUPPORTED") || reasons.contains("CREDENTIALS_MISSING") {
                return .gatewayFault
            }
            return .keyInvalid(permanent: false)
        case 403:
            if message.localizedCaseInsensitiveContains("unregistered callers") { return .gatewayFault }
            if Self.isLeakedKeyMessage(message) || !reasons.isDisjoint(with: unusableKeyReasons)
                || reasons.contains(where: { $0.hasPrefix("API_KEY_") })
            {
                return .keyInvalid(permanent: true)
            }
            // Any other 403 is about what the request reaches (a file or cached content of another
            // project, a model this project may not use): the client hears Google's words, no
            // key is blamed and no other key is tried.
            return .requestRejected
        case 404, 405, 409, 411, 413, 414, 415, 422:
            return .requestRejected
        case 429:
            return rateLimit(body: body, now: now)
        default:
            return .transient
        }
    }

    /// Google's own wording for a bad key, when its answer carries no `ErrorInfo`. Matched at the
    /// start only: a 400 repeats unknown request field names in its message, and a client must
    /// not be able to bench keys by naming a field "API key not valid".
    static func isBadKeyMessage(_ message: String) -> Bool {
        message.hasPrefix("API key not valid") || message.hasPrefix("API key expired")
    }

    static func isLeakedKeyMessage(_ message: String) -> Bool {
        message.hasPrefix("Your API key was reported as leaked")
    }

    /// A 429's cooldown, following Google's own CLI: per-day quotas last until midnight Pacific;
    /// otherwise `RetryInfo`, then the per-minute default, then a short rest.
    static func rateLimit(body: GoogleErrorBody?, now: Date) -> UpstreamVerdict {
        let quotaIDs = body?.quotaIDs ?? []
        let message = body?.message ?? ""
        if quotaIDs.contains(where: { $0.localizedCaseInsensitiveContains("PerDay") || $0.localizedCaseInsensitiveContains("Daily") }) {
            return .rateLimited(until: PacificTime.nextMidnight(after: now), reason: .perDay)
        }
        if body?.quotaValues.contains("0") == true || message.contains("limit: 0,") {
            return .rateLimited(until: now.addingTimeInterval(modelNotOnTierCooldown), reason: .modelNotOnTier)
        }
        if let delay = body?.retryDelay, delay > 0 {
            return .rateLimited(until: now.addingTimeInterval(delay.rounded(.up)), reason: .perMinute)
        }
        if quotaIDs.contains(where: { $0.localizedCaseInsensitiveContains("PerMinute") }) {
            return .rateLimited(until: now.addingTimeInterval(60), reason: .perMinute)
        }
        return .rateLimited(until: now.addingTimeInterval(unspecifiedRateLimitCooldown), reason: .unspecified)
    }
}
