import Foundation

extension KeyPool {
    /// Picks a key for `model`, never one in `excluding` (keys this request already tried).
    public func acquire(model: String, excluding: Set<String> = []) -> KeyAcquisition {
        let current = now()
        let strategy = currentStrategy
        return state.withLock { state -> KeyAcquisition in
            let choice: KeyCandidate?
            do {
                // The view shares the entries' storage; it ends here, before the entries are
                // written below, so that write does not copy ten thousand entries.
                let candidates = KeyCandidates(entries: state.entries.list, model: model, excluding: excluding, now: current)
                choice = strategy.choose(from: candidates, model: model)
            }
            guard let chosen = choice else {
                return .unavailable(Self.unavailability(state, model: model, now: current) ?? .allTried)
            }
            state.pickSequence += 1
            let pickSequence = state.pickSequence
            if var entry = state.entries[chosen.key] {
                entry.lastPickSequence = pickSequence
                entry.record.lastUsedAt = current
                state.entries[chosen.key] = entry
            }
            state.changed.insert(chosen.key)
            return .key(chosen.key)
        }
    }

    /// Why no key could serve `model` right now, or nil when one could. Picks nothing.
    public func unavailability(for model: String) -> KeyUnavailability? {
        let current = now()
        return state.withLock { Self.unavailability($0, model: model, now: current) }
    }

    /// The reason nobody can serve: no keys, none usable, or all resting for the model (with
    /// the soonest end). Nil when some key could serve.
    private static func unavailability(_ state: State, model: String, now: Date) -> KeyUnavailability? {
        if state.entries.count == 0 { return .noKeysConfigured }
        var active = 0
        var invalid = 0
        var disabled = 0
        var soonest: ModelCooldown?
        for entry in state.entries.list {
            switch entry.record.status {
            case .invalid: invalid += 1; continue
            case .disabled: disabled += 1; continue
            case .active: active += 1
            }
            guard let cooldown = entry.record.cooldowns.first(where: { $0.model == model && $0.until > now }) else {
                return nil
            }
            if soonest.map({ cooldown.until < $0.until }) ?? true { soonest = cooldown }
        }
        if active == 0 { return .noneUsable(invalid: invalid, disabled: disabled) }
        guard let soonest else { return nil }
        return .allCooling(model: model, until: soonest.until, reason: soonest.reason)
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
