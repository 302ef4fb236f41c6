import Foundation

/// The persisted state of one API key (Gemgate's own table; gemini-balance kept none).
public struct KeyStateRecord: Sendable, Equatable, Codable {
    public var key: String
    public var status: KeyStatus
    /// Key-attributable failures since the last success.
    public var consecutiveFailures: Int
    /// When the key was benched (status `invalid`), for the panel and the re-check job.
    public var benchedAt: Date?
    public var lastErrorCode: Int?
    /// Short, already redacted description of the last failure.
    public var lastErrorMessage: String?
    public var lastErrorAt: Date?
    public var lastUsedAt: Date?
    /// Per-model cooldowns still in force.
    public var cooldowns: [ModelCooldown]

    public init(
        key: String, status: KeyStatus = .active, consecutiveFailures: Int = 0, benchedAt: Date? = nil,
        lastErrorCode: Int? = nil, lastErrorMessage: String? = nil, lastErrorAt: Date? = nil,
        lastUsedAt: Date? = nil, cooldowns: [ModelCooldown] = []
    ) {
        self.key = key
        self.status = status
        self.consecutiveFailures = consecutiveFailures
        self.benchedAt = benchedAt
        self.lastErrorCode = lastErrorCode
        self.lastErrorMessage = lastErrorMessage
        self.lastErrorAt = lastErrorAt
        self.lastUsedAt = lastUsedAt
        self.cooldowns = cooldowns
    }
}

/// Whether a key may be picked at all.
public enum KeyStatus: String, Sendable, Codable, CaseIterable {
    /// Picked when no cooldown applies to the model.
    case active
    /// Benched after `MAX_FAILURES` key-attributable failures, or at once for a leaked or
    /// suspended key; the re-check job may bring it back.
    case invalid
    /// Turned off by the admin; only the admin turns it back on.
    case disabled
}

/// A key may not serve a model until a time, because Google rate-limited it.
public struct ModelCooldown: Sendable, Equatable, Codable {
    public var model: String
    public var until: Date
    public var reason: CooldownReason

    public init(model: String, until: Date, reason: CooldownReason) {
        self.model = model
        self.until = until
        self.reason = reason
    }
}

public enum CooldownReason: String, Sendable, Codable {
    /// Per-minute quota; `RetryInfo.retryDelay` or 60 s.
    case perMinute
    /// Per-day quota; until midnight Pacific time.
    case perDay
    /// `limit: 0`: the key's tier cannot use the model.
    case modelNotOnTier
    /// A 429 without details.
    case unspecified
}

/// One upstream attempt, as `t_request_log` records it (gemini-balance writes one row per attempt).
public struct RequestLogEntry: Sendable, Equatable {
    public var time: Date
    public var model: String?
    public var apiKey: String?
    public var isSuccess: Bool
    public var statusCode: Int?
    public var latencyMs: Int?
    /// `Secret.fingerprint` of the client token that made the call (Gemgate's own column).
    public var tokenFingerprint: String?

    public init(
        time: Date, model: String?, apiKey: String?, isSuccess: Bool, statusCode: Int?, latencyMs: Int?,
        tokenFingerprint: String? = nil
    ) {
        self.time = time
        self.model = model
        self.apiKey = apiKey
        self.isSuccess = isSuccess
        self.statusCode = statusCode
        self.latencyMs = latencyMs
        self.tokenFingerprint = tokenFingerprint
    }
}

/// One failure worth showing on the error-log page (`t_error_logs`).
public struct ErrorLogEntry: Sendable, Equatable {
    public var time: Date
    public var apiKey: String?
    public var model: String?
    /// A short category (`key_invalid`, `rate_limited`, `upstream_unavailable`, …).
    public var errorType: String
    /// The upstream error body or our own description, redacted.
    public var errorLog: String
    public var errorCode: Int?
    /// The client's request body as JSON text, only when `ERROR_LOG_RECORD_REQUEST_BODY` is on.
    public var requestBody: String?

    public init(
        time: Date, apiKey: String?, model: String?, errorType: String, errorLog: String, errorCode: Int?,
        requestBody: String? = nil
    ) {
        self.time = time
        self.apiKey = apiKey
        self.model = model
        self.errorType = errorType
        self.errorLog = errorLog
        self.errorCode = errorCode
        self.requestBody = requestBody
    }
}
