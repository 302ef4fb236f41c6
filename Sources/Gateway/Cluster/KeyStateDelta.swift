import Foundation

/// How one key's shared state changed on the instance that publishes it: the payload of a
/// `key_states` change. A delta, not the whole record, so that two instances changing different
/// things about one key at once (one benches it, the other cools it for a model) do not undo
/// each other.
struct KeyStateDelta: Codable, Sendable, Equatable {
    struct Cooldown: Codable, Sendable, Equatable {
        var model: String
        var untilMs: Int64
        var reason: String
    }

    var key: String
    /// Present when the status changed; with it, when the key was benched.
    var status: String?
    var benchedAtMs: Int64?
    /// The cooldowns in force at the origin.
    var cooldowns: [Cooldown]
    /// True when the origin lifted a cooldown early (an admin reset): the receiver replaces its
    /// list. Otherwise it merges, keeping the later end per model.
    var replacesCooldowns: Bool

    /// The delta from `old` (what other instances were last told) to `new`, or nil when nothing
    /// they need changed.
    static func between(_ old: SharedKeyState, _ new: SharedKeyState, key: String, now: Date) -> KeyStateDelta? {
        let statusChanged = old.status != new.status || old.benchedAt != new.benchedAt
        let oldLive = old.liveCooldowns(at: now)
        let newLive = new.liveCooldowns(at: now)
        let lifted = oldLive.contains { previous in
            !newLive.contains { $0.model == previous.model && $0.until >= previous.until }
        }
        let cooldownsChanged = lifted || newLive.contains { current in
            !oldLive.contains { $0.model == current.model && $0.until == current.until }
        }
        guard statusChanged || cooldownsChanged else { return nil }
        return KeyStateDelta(
            key: key,
            status: statusChanged ? new.status.rawValue : nil,
            benchedAtMs: statusChanged ? new.benchedAt.map(Self.milliseconds) : nil,
            cooldowns: newLive.map { Cooldown(model: $0.model, untilMs: Self.milliseconds($0.until), reason: $0.reason.rawValue) },
            replacesCooldowns: lifted)
    }

    /// One delta for the same key that says what both say, `later` winning where they differ;
    /// for a change that could not be published yet and changed again meanwhile.
    func followed(by later: KeyStateDelta) -> KeyStateDelta {
        var combined = later
        if later.status == nil {
            combined.status = status
            combined.benchedAtMs = benchedAtMs
        }
        combined.replacesCooldowns = replacesCooldowns || later.replacesCooldowns
        return combined
    }

    /// Applies the delta to a local record.
    func apply(to record: inout KeyStateRecord, now: Date) {
        if let statusText = status, let newStatus = KeyStatus(rawValue: statusText) {
            record.status = newStatus
            record.benchedAt = benchedAtMs.map(Self.date)
            // Reinstated elsewhere: the key works, so the failures counted here are moot.
            if newStatus == .active { record.consecutiveFailures = 0 }
        }
        let incoming = cooldowns.compactMap { cooldown -> ModelCooldown? in
            let until = Self.date(cooldown.untilMs)
            guard until > now else { return nil }
            return ModelCooldown(model: cooldown.model, until: until, reason: CooldownReason(rawValue: cooldown.reason) ?? .unspecified)
        }
        if replacesCooldowns {
            record.cooldowns = incoming
        } else {
            var merged = record.cooldowns.filter { $0.until > now }
            for cooldown in incoming {
                if let index = merged.firstIndex(where: { $0.model == cooldown.model }) {
                    if cooldown.until > merged[index].until { merged[index] = cooldown }
                } else {
                    merged.append(cooldown)
                }
            }
            record.cooldowns = merged
        }
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
