/// How the fake treats requests made with one API key.
///
/// Keys nobody scripted are `valid` when they start with `AIza` and `invalidKey` otherwise.
/// `models` lists (ids with or without `models/`) limit a quota behaviour to those models; `nil`
/// means every model. JSON forms are described in `FakeKeyBehaviour+Codable.swift`.
public enum FakeKeyBehaviour: Sendable, Hashable {
    /// Answers normally.
    case valid
    /// 400 INVALID_ARGUMENT, reason API_KEY_INVALID (with a DebugInfo detail that names the key).
    case invalidKey
    /// 429 with QuotaFailure `GenerateRequestsPerMinutePerProjectPerModel-FreeTier` and RetryInfo.
    case quotaPerMinute(retryDelaySeconds: Int = 30, models: [String]? = nil)
    /// 429 with QuotaFailure `GenerateRequestsPerDayPerProjectPerModel-FreeTier`.
    case quotaPerDay(models: [String]? = nil)
    /// 429 whose message says "limit: 0" and whose quotaValue is "0".
    case quotaLimitZero(models: [String]? = nil)
    /// 403 "Your API key was reported as leaked…".
    case leaked
    /// 403 CONSUMER_SUSPENDED.
    case suspended
    /// 403 SERVICE_DISABLED.
    case serviceDisabled
    /// 500 INTERNAL.
    case internalError
    /// 503 UNAVAILABLE "The model is overloaded…".
    case overloaded
    /// 400 FAILED_PRECONDITION "User location is not supported for the API use.".
    case locationBlocked
    /// Valid, but slow: a plain answer waits `firstEventDelayMs`; a stream sends `events` frames,
    /// the first after `firstEventDelayMs` and the next ones `eventIntervalMs` apart. A caller
    /// that hangs up during the first wait ends it (recorded as `clientDisconnected`).
    case slow(firstEventDelayMs: Int, eventIntervalMs: Int = 0, events: Int = 3)
    /// A stream sends `afterEvents` frames, then the connection is closed abruptly, with no
    /// finishReason and no end of the chunked body. Plain calls succeed.
    case streamCut(afterEvents: Int)
    /// A stream sends `afterEvents` frames, then a `data: {"error":{…500…}}` frame. Plain calls succeed.
    case midStreamError(afterEvents: Int)
    /// The first `count` requests with this key behave as `failure`, later ones as `then`.
    indirect case failTimes(Int, failure: FakeKeyBehaviour = .internalError, then: FakeKeyBehaviour = .valid)
}
