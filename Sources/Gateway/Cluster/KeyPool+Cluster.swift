import Foundation

// What the cluster sync needs from the pool: the keys whose shared state changed here, and a
// way to take in changes made by other instances without announcing them back.
extension KeyPool {
    /// Records of the keys whose status or cooldowns changed here since the last call.
    func takeSharedChanges() -> [KeyStateRecord] {
        state.withLock { state in
            let records = state.sharedChanged.compactMap { state.entries[$0]?.record }
            state.sharedChanged.removeAll()
            return records
        }
    }

    /// Every key's shared state now, by key: what this instance starts out having told others.
    func sharedStates() -> [String: SharedKeyState] {
        state.withLock { state in
            state.entries.mapValues { SharedKeyState($0.record) }
        }
    }

    /// Applies deltas published by other instances, for the keys configured here. Not marked as
    /// changed: the origin already stores and announces them. Returns the resulting shared state
    /// of each key touched.
    func applyRemote(_ deltas: [KeyStateDelta]) -> [String: SharedKeyState] {
        let current = now()
        return state.withLock { state in
            var applied: [String: SharedKeyState] = [:]
            for delta in deltas {
                guard var entry = state.entries[delta.key] else { continue }
                delta.apply(to: &entry.record, now: current)
                state.entries[delta.key] = entry
                applied[delta.key] = SharedKeyState(entry.record)
            }
            return applied
        }
    }

    /// Takes shared state from stored records (after a gap in the change feed too long to
    /// replay), except for keys with local changes not yet announced, which are newer.
    func applyStoredSharedState(_ records: [KeyStateRecord]) -> [String: SharedKeyState] {
        let current = now()
        return state.withLock { state in
            var applied: [String: SharedKeyState] = [:]
            for record in records {
                guard var entry = state.entries[record.key], !state.sharedChanged.contains(record.key) else { continue }
                entry.record.status = record.status
                entry.record.benchedAt = record.benchedAt
                entry.record.cooldowns = record.cooldowns.filter { $0.until > current }
                state.entries[record.key] = entry
                applied[record.key] = SharedKeyState(entry.record)
            }
            return applied
        }
    }
}
