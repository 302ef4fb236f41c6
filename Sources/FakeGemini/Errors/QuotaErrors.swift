/// The 429 RESOURCE_EXHAUSTED bodies (wire reference §4.3 "Quota / rate limit").
///
/// Structure follows the captured composite: Help, then QuotaFailure, then RetryInfo; the message
/// names the metric, the limit and the model, and ends with "Please retry in …s.".
enum QuotaErrors {
    static let perMinuteQuotaID = "GenerateRequestsPerMinutePerProjectPerModel-FreeTier"
    static let perDayQuotaID = "GenerateRequestsPerDayPerProjectPerModel-FreeTier"
    static let metric = "generativelanguage.googleapis.com/generate_content_free_tier_requests"

    private static let intro = "You exceeded your current quota, please check your plan and billing details. "
        + "For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. "
        + "To monitor your current usage, head to: https://ai.dev/usage?tab=rate-limit. "

    /// Per-minute limit: retry after `retryDelaySeconds`.
    static func perMinute(model: String, retryDelaySeconds: Int) -> GoogleError {
        exhausted(model: model, violations: [(perMinuteQuotaID, 10)], retryDelaySeconds: retryDelaySeconds)
    }

    /// Per-day limit. Real per-day bodies still carry a short RetryInfo (python-genai#2044 shows
    /// "47s"); only the quota id says "wait for midnight Pacific", and the gateway must read it.
    static func perDay(model: String) -> GoogleError {
        exhausted(model: model, violations: [(perDayQuotaID, 250)], retryDelaySeconds: 47)
    }

    /// "limit: 0": the model is not available on this key's tier at all. Real bodies list one
    /// violation per exhausted quota, here both request quotas with `quotaValue` "0".
    static func limitZero(model: String) -> GoogleError {
        exhausted(model: model, violations: [(perDayQuotaID, 0), (perMinuteQuotaID, 0)], retryDelaySeconds: 38)
    }

    private static func exhausted(model: String, violations: [(quotaID: String, limit: Int)], retryDelaySeconds: Int) -> GoogleError {
        let lines = violations.map { "\n* Quota exceeded for metric: \(metric), limit: \($0.limit), model: \(model)" }
        // Google's message carries a fractional delay; RetryInfo carries the whole seconds.
        let message = intro + lines.joined() + "\nPlease retry in \(retryDelaySeconds).804097346s."
        let violationDetails: [OrderedJSON] = violations.map {
            [
                "quotaMetric": .string(metric),
                "quotaId": .string($0.quotaID),
                "quotaDimensions": ["location": "global", "model": .string(model)],
                "quotaValue": .string(String($0.limit)),
            ]
        }
        return GoogleError(
            code: 429, status: "RESOURCE_EXHAUSTED", message: message,
            details: [
                ErrorDetail.help(description: "Learn more about Gemini API quotas", url: "https://ai.google.dev/gemini-api/docs/rate-limits"),
                ErrorDetail.quotaFailure(violationDetails),
                ErrorDetail.retryInfo(seconds: retryDelaySeconds),
            ])
    }
}
