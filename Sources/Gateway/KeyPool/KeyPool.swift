import Foundation
import Synchronization

/// The API keys and what is known about each: which may serve which model now.
///
/// One pool per process, shared by every request. All state sits behind one `Mutex`; each
/// operation is a short critical section with no I/O. Persistence happens elsewhere
/// (`KeyStatePersister` drains `takeChanges()`), so a slow database never slows a request.
public final class KeyPool: Sendable {
    /// How far back `KeyCandidate.recentFailures` counts.
    public static let recentFailureWindow: TimeInterval = 600

    struct Entry {
        var record: KeyStateRecord
        var position: Int
        var weight: Int
        var recentFailureTimes: [Date] = []
        var lastPickSequence: UInt64 = 0
    }

    struct State {
        var entries = KeyEntries()
        var pickSequence: UInt64 = 0
        var maxFailures: Int = 3
        var changed: Set<String> = []
        var removed: Set<String> = []
        /// Keys whose status or cooldowns changed here, for other instances (`takeSharedChanges`).
        var sharedChanged: Set<String> = []
    }

    let state = Mutex(State())
    private let strategy: Mutex<any BalanceStrategy>
    let now: @Sendable () -> Date

    public init(strategy: any BalanceStrategy, now: @escaping @Sendable () -> Date = Date.init) {
        self.strategy = Mutex(strategy)
        self.now = now
    }

    /// Swaps the strategy (the admin changed `BALANCE_STRATEGY`).
    public func setStrategy(_ newStrategy: any BalanceStrategy) {
        strategy.withLock { $0 = newStrategy }
    }

    /// Makes the pool hold exactly `keys`, in that order. Known keys keep their state; new keys
    /// start active; keys no longer listed are dropped and their stored state deleted.
    public func configure(keys: [String], weights: [String: Int], maxFailures: Int) {
        state.withLock { state in
            for key in state.entries.replaceKeys(keys, weights: weights) {
                state.changed.remove(key)
                state.sharedChanged.remove(key)
                state.removed.insert(key)
            }
            for key in keys { state.removed.remove(key) }
            state.maxFailures = max(1, maxFailures)
        }
    }

    /// Puts back state saved by an earlier run, for the keys that are configured.
    public func restore(_ records: [KeyStateRecord]) {
        let current = now()
        state.withLock { state in
            for var record in records where state.entries[record.key] != nil {
                record.cooldowns.removeAll { $0.until <= current }
                state.entries[record.key]!.record = record
            }
        }
    }

    /// Everything changed since the last call, for the persister.
    func takeChanges() -> (changed: [KeyStateRecord], removed: [String]) {
        state.withLock { state in
            let changed = state.changed.compactMap { state.entries[$0]?.record }
            let removed = Array(state.removed)
            state.changed.removeAll()
            state.removed.removeAll()
            return (changed, removed)
        }
    }

    /// Re-queues records whose write failed, unless they changed again meanwhile.
    func requeue(changed: [KeyStateRecord], removed: [String]) {
        state.withLock { state in
            for record in changed where state.entries[record.key] != nil { state.changed.insert(record.key) }
            for key in removed where state.entries[key] == nil { state.removed.insert(key) }
        }
    }

    var currentStrategy: any BalanceStrategy { strategy.withLock { $0 } }
}
