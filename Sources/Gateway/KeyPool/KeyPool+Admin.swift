import Foundation

extension KeyPool {
    /// Turns a key off (it is never picked) or back on, by the admin's hand.
    public func setEnabled(_ enabled: Bool, key: String) {
        mutate(key) { entry, _, _ in
            if enabled {
                if entry.record.status == .disabled { entry.record.status = .active }
            } else {
                entry.record.status = .disabled
            }
        }
    }

    /// Clears a key's failures and cooldowns and makes it active again (unless disabled).
    public func reset(key: String) {
        mutate(key) { entry, _, _ in
            entry.record.consecutiveFailures = 0
            entry.record.cooldowns = []
            entry.recentFailureTimes = []
            entry.record.benchedAt = nil
            if entry.record.status == .invalid { entry.record.status = .active }
        }
    }

    /// A point-in-time copy of every key's state, in configured order.
    public func snapshot() -> [KeySnapshot] {
        let current = now()
        return state.withLock { state in
            let horizon = current.addingTimeInterval(-Self.recentFailureWindow)
            return state.entries.list.map { entry in
                KeySnapshot(
                    record: entry.record, position: entry.position, weight: entry.weight,
                    activeCooldowns: entry.record.cooldowns.filter { $0.until > current },
                    recentFailures: entry.recentFailureTimes.filter { $0 > horizon }.count)
            }
        }
    }

    /// Keys benched as invalid, for the re-check job.
    public func benchedKeys() -> [String] {
        state.withLock { state in
            state.entries.list.filter { $0.record.status == .invalid }.map(\.record.key)
        }
    }

    public var configuredKeys: [String] { state.withLock { $0.entries.keys } }
}

/// What the panel shows about a key.
public struct KeySnapshot: Sendable, Equatable {
    public let record: KeyStateRecord
    public let position: Int
    public let weight: Int
    public let activeCooldowns: [ModelCooldown]
    public let recentFailures: Int

    public var key: String { record.key }
    public var masked: String { Secret.mask(record.key) }

    /// `cooling` when active but resting for at least one model.
    public var displayStatus: String {
        if record.status == .active && !activeCooldowns.isEmpty { return "cooling" }
        return record.status.rawValue
    }
}
