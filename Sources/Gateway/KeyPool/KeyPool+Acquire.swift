import Foundation

extension KeyPool {
    /// Picks a key for `model`, never one in `excluding` (keys this request already tried).
    public func acquire(model: String, excluding: Set<String> = []) -> KeyAcquisition {
        let current = now()
        let strategy = currentStrategy
        return state.withLock { state -> KeyAcquisition in
            var candidates: [KeyCandidate] = []
            candidates.reserveCapacity(state.order.count)
            var soonestCooldown: ModelCooldown?
            var active = 0
            var cooling = 0
            var invalid = 0
            var disabled = 0
            let horizon = current.addingTimeInterval(-Self.recentFailureWindow)
            for key in state.order {
                guard let entry = state.entries[key] else { continue }
                switch entry.record.status {
                case .invalid: invalid += 1; continue
                case .disabled: disabled += 1; continue
                case .active: active += 1
                }
                if let cooldown = entry.record.cooldowns.first(where: { $0.model == model && $0.until > current }) {
                    cooling += 1
                    if soonestCooldown.map({ cooldown.until < $0.until }) ?? true { soonestCooldown = cooldown }
                    continue
                }
                if excluding.contains(key) { continue }
                candidates.append(KeyCandidate(
                    key: key, position: entry.position, weight: entry.weight,
                    recentFailures: entry.recentFailureTimes.reduce(0) { $0 + ($1 > horizon ? 1 : 0) },
                    lastPickSequence: entry.lastPickSequence))
            }
            guard !candidates.isEmpty else {
                if state.order.isEmpty { return .unavailable(.noKeysConfigured) }
                if active == 0 { return .unavailable(.noneUsable(invalid: invalid, disabled: disabled)) }
                if cooling == active, let soonest = soonestCooldown {
                    return .unavailable(.allCooling(model: model, until: soonest.until, reason: soonest.reason))
                }
                return .unavailable(.allTried)
            }
            let chosen = strategy.choose(from: candidates, model: model)
            state.pickSequence += 1
            state.entries[chosen.key]?.lastPickSequence = state.pickSequence
            state.entries[chosen.key]?.record.lastUsedAt = current
            state.changed.insert(chosen.key)
            return .key(chosen.key)
        }
    }
}

/// The pool's answer to "which key?".
public enum KeyAcquisition: Sendable, Equatable {
    case key(String)
    case unavailable(KeyUnavailability)
}

/// Why no key can serve, in terms a person can act on.
public enum KeyUnavailability: Sendable, Equatable {
    /// `API_KEYS` is empty.
    case noKeysConfigured
    /// Every key is benched or turned off.
    case noneUsable(invalid: Int, disabled: Int)
    /// Every usable key is rate-limited for this model; the soonest is free at `until`.
    case allCooling(model: String, until: Date, reason: CooldownReason)
    /// This request already tried every usable key.
    case allTried
}

extension KeyPool {
    /// Why no key could serve `model` right now, or nil when one could. Picks nothing.
    public func unavailability(for model: String) -> KeyUnavailability? {
        let current = now()
        return state.withLock { state -> KeyUnavailability? in
            if state.order.isEmpty { return .noKeysConfigured }
            var active = 0
            var invalid = 0
            var disabled = 0
            var soonest: ModelCooldown?
            for key in state.order {
                guard let entry = state.entries[key] else { continue }
                switch entry.record.status {
                case .invalid: invalid += 1; continue
                case .disabled: disabled += 1; continue
                case .active: active += 1
                }
                guard let cooldown = entry.record.cooldowns.first(where: { $0.model == model && $0.until > current }) else {
                    return nil
                }
                if soonest.map({ cooldown.until < $0.until }) ?? true { soonest = cooldown }
            }
            if active == 0 { return .noneUsable(invalid: invalid, disabled: disabled) }
            guard let soonest else { return nil }
            return .allCooling(model: model, until: soonest.until, reason: soonest.reason)
        }
    }
}
