import Logging
import Synchronization
import ServiceLifecycle

/// Writes key state changes (benched keys, cooldowns, failure counts) to storage about once a
/// second, and once more at shutdown, so that a restart keeps them. Off the request path: the
/// pool only marks keys as changed.
public struct KeyStatePersister: Service {
    let pool: KeyPool
    let storage: any Storage
    let interval: Duration
    let logger: Logger
    private let failing = FailureFlag()

    public init(pool: KeyPool, storage: any Storage, interval: Duration = .seconds(1), logger: Logger) {
        self.pool = pool
        self.storage = storage
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                // Once cancelled, leave the writing to the final flush below.
                if Task.isCancelled { break }
                await flush()
            }
        }
        // The final write happens after the server stopped (services stop in reverse order).
        await flush()
    }

    /// Writes pending changes now. On failure they are queued again for the next round.
    public func flush() async {
        let (changed, removed) = pool.takeChanges()
        guard !changed.isEmpty || !removed.isEmpty else { return }
        do {
            let storage = storage
            try await waitAtMost(.seconds(30)) {
                if !changed.isEmpty { try await storage.saveKeyStates(changed) }
                if !removed.isEmpty { try await storage.deleteKeyStates(removed) }
            }
            if failing.set(false) { logger.notice("Key state is saved to the database again.") }
        } catch {
            pool.requeue(changed: changed, removed: removed)
            // Once per outage, not once a second.
            if !failing.set(true) {
                logger.warning("Cannot save key state to the database; keeping it in memory and retrying quietly: \(error)")
            }
        }
    }
}

/// Whether the last write failed, so an outage is reported when it starts and when it ends.
private final class FailureFlag: Sendable {
    private let value = Mutex(false)

    /// Sets the flag; returns what it was.
    func set(_ newValue: Bool) -> Bool {
        value.withLock { old in
            defer { old = newValue }
            return old
        }
    }
}
