import Foundation

extension KeyPool {
    /// The key answered: its consecutive-failure count starts again from zero.
    public func recordSuccess(key: String) {
        mutate(key) { entry, _, _ in
            entry.record.consecutiveFailures = 0
        }
    }

    /// The key itself is at fault (invalid, leaked, suspended). A permanent fault benches it at
    /// once; otherwise it is benched after `MAX_FAILURES` in a row.
    public func recordKeyFailure(key: String, permanent: Bool, code: Int?, message: String) {
        mutate(key) { entry, current, maxFailures in
            entry.record.consecutiveFailures += 1
            entry.recentFailureTimes.append(current)
            entry.record.lastErrorCode = code
            entry.record.lastErrorMessage = message
            entry.record.lastErrorAt = current
            if entry.record.status == .active && (permanent || entry.record.consecutiveFailures >= maxFailures) {
                entry.record.status = .invalid
                entry.record.benchedAt = current
            }
        }
    }

    /// Google rate-limited the key for one model: it rests for that model only.
    public func recordRateLimit(key: String, model: String, until: Date, reason: CooldownReason, code: Int?, message: String) {
        mutate(key) { entry, current, _ in
            entry.recentFailureTimes.append(current)
            entry.record.lastErrorCode = code
            entry.record.lastErrorMessage = message
            entry.record.lastErrorAt = current
            // A later answer can carry a shorter rest (a per-minute 429 from a call that was in
            // flight when the per-day one arrived): the longer rest stands.
            let standing = entry.record.cooldowns.first { $0.model == model && $0.until > until }
            entry.record.cooldowns.removeAll { $0.model == model || $0.until <= current }
            entry.record.cooldowns.append(standing ?? ModelCooldown(model: model, until: until, reason: reason))
        }
    }

    /// A failure that is nobody's fault or the client's: noted for the panel, no penalty.
    public func recordNeutralFailure(key: String, code: Int?, message: String) {
        mutate(key) { entry, current, _ in
            entry.record.lastErrorCode = code
            entry.record.lastErrorMessage = message
            entry.record.lastErrorAt = current
        }
    }

    /// A re-check or an admin verification passed: the key serves again.
    public func reinstate(key: String) {
        mutate(key) { entry, _, _ in
            if entry.record.status == .invalid { entry.record.status = .active }
            entry.record.benchedAt = nil
            entry.record.consecutiveFailures = 0
        }
    }

    func mutate(_ key: String, _ change: (inout Entry, Date, Int) -> Void) {
        let current = now()
        state.withLock { state in
            guard var entry = state.entries[key] else { return }
            let before = entry.record
            change(&entry, current, state.maxFailures)
            if !entry.record.hasSameSharedState(as: before) { state.sharedChanged.insert(key) }
            let horizon = current.addingTimeInterval(-Self.recentFailureWindow)
            if entry.recentFailureTimes.first.map({ $0 <= horizon }) ?? false {
                entry.recentFailureTimes.removeAll { $0 <= horizon }
            }
            state.entries[key] = entry
            state.changed.insert(key)
        }
    }
}
