/// A client's request as the dispatcher sends it: what to send, for which model (the scope of
/// rate limits), and what to write in the logs.
public struct UpstreamCall: Sendable {
    public var request: UpstreamRequest
    /// The upstream model name without `models/`; cooldowns and logs are per model.
    public var model: String
    /// `Secret.fingerprint` of the client's token, for the request log.
    public var tokenFingerprint: String?
    /// The client's body as text, kept for the error log when `ERROR_LOG_RECORD_REQUEST_BODY`.
    public var bodyForErrorLog: String?
    /// A key that must be used instead of the pool (`PAID_KEY` for image generation).
    public var fixedKey: String?

    public init(
        request: UpstreamRequest, model: String, tokenFingerprint: String? = nil, bodyForErrorLog: String? = nil,
        fixedKey: String? = nil
    ) {
        self.request = request
        self.model = model
        self.tokenFingerprint = tokenFingerprint
        self.bodyForErrorLog = bodyForErrorLog
        self.fixedKey = fixedKey
    }
}

/// A successful attempt: the value the caller accepted, and what the logs need.
public struct AcceptedAttempt<Value> {
    public var value: Value
    public let key: String
    public let started: ContinuousClock.Instant
    public let startedAt: Date
}

import Foundation
