/// What a key's behaviour means for one request, split by the stage at which it applies.
///
/// Order of checks, as a request flows: key rejections (the key itself is unusable) come before the
/// model and the body are looked at; service rejections (region, quota, overload) come after the
/// request is found valid, so a client's mistake is reported as such even on a rate-limited key.
struct RequestTreatment: Sendable {
    /// The kind of call, which decides which behaviours apply.
    enum Scope: Sendable {
        /// `GET models`, `GET models/{m}`: only key problems and region apply (no quota, no overload).
        case listing
        /// `countTokens`: free of generation quota.
        case counting
        /// Everything that generates or embeds.
        case generation
    }

    var keyRejection: GoogleError?
    var serviceRejection: GoogleError?
    var pacing = StreamPacing()

    init(behaviour: FakeKeyBehaviour, key: String, modelID: String?, scope: Scope) {
        switch behaviour {
        case .valid, .failTimes:
            break
        case .invalidKey:
            keyRejection = GoogleErrorCatalog.invalidAPIKey(key)
        case .leaked:
            keyRejection = GoogleErrorCatalog.leakedKey
        case .suspended:
            keyRejection = GoogleErrorCatalog.consumerSuspended(key)
        case .serviceDisabled:
            keyRejection = GoogleErrorCatalog.serviceDisabled(key)
        case .locationBlocked:
            serviceRejection = GoogleErrorCatalog.locationNotSupported
        case .internalError where scope != .listing:
            serviceRejection = GoogleErrorCatalog.internalError
        case .overloaded where scope != .listing:
            serviceRejection = GoogleErrorCatalog.overloaded
        case .internalError, .overloaded:
            break
        case .quotaPerMinute(let delay, let models):
            if scope == .generation, let modelID, Self.applies(models, to: modelID) {
                serviceRejection = QuotaErrors.perMinute(model: modelID, retryDelaySeconds: delay)
            }
        case .quotaPerDay(let models):
            if scope == .generation, let modelID, Self.applies(models, to: modelID) {
                serviceRejection = QuotaErrors.perDay(model: modelID)
            }
        case .quotaLimitZero(let models):
            if scope == .generation, let modelID, Self.applies(models, to: modelID) {
                serviceRejection = QuotaErrors.limitZero(model: modelID)
            }
        case .slow(let first, let interval, let events):
            pacing = StreamPacing(firstEventDelayMs: first, eventIntervalMs: interval, events: max(1, events))
        case .streamCut(let after):
            pacing = StreamPacing(ending: .cut(afterEvents: after))
        case .midStreamError(let after):
            pacing = StreamPacing(ending: .error(afterEvents: after))
        }
    }

    /// A quota limited to some models applies only to them; `nil` means every model.
    private static func applies(_ models: [String]?, to modelID: String) -> Bool {
        guard let models else { return true }
        return models.contains { ModelCatalog.bareID($0) == modelID }
    }
}

/// Timing and ending of a streamed answer.
struct StreamPacing: Sendable {
    enum Ending: Sendable, Equatable {
        /// The last frame carries finishReason and the body ends cleanly.
        case normal
        /// After this many frames the connection is closed with no finishReason.
        case cut(afterEvents: Int)
        /// After this many frames a `data: {"error":…}` frame ends the stream.
        case error(afterEvents: Int)
    }

    var firstEventDelayMs = 0
    var eventIntervalMs = 0
    /// Frames to split the text into; nil means the default (3).
    var events: Int?
    var ending = Ending.normal

    static let defaultEvents = 3

    /// How many frames the answer is planned in: enough that a cut or error really comes before
    /// the frame with finishReason.
    var plannedFrameCount: Int {
        let base = events ?? Self.defaultEvents
        switch ending {
        case .normal: return base
        case .cut(let after), .error(let after): return max(base, after + 1)
        }
    }
}
