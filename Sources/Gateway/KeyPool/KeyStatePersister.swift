import Logging
import ServiceLifecycle

/// Writes key state changes (benched keys, cooldowns, failure counts) to storage about once a
/// second, and once more at shutdown, so that a restart keeps them. Off the request path: the
/// pool only marks keys as changed.
public struct KeyStatePersister: Service {
    let pool: KeyPool
    let storage: any Storage
    let interval: Duration
    let logger: Logger

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
            if !changed.isEmpty { try await storage.saveKeyStates(changed) }
            if !removed.isEmpty { try await storage.deleteKeyStates(removed) }
        } catch {
            pool.requeue(changed: changed, removed: removed)
            logger.warning("Cannot save key state to the database; will retry: \(error)")
        }
    }
}
