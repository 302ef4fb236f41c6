import PostgresNIO
import Synchronization

/// The driver's one root task and everything that runs under it.
///
/// postgres-nio's pooled client does its background work (opening, keeping alive and closing
/// connections) inside `client.run()`, which must run for the client's whole life and stops when
/// its task is cancelled. The driver outlives the call that created it, so one unstructured
/// root task is unavoidable; everything else is structured beneath it:
///
/// ```
/// root task
/// └─ discarding task group
///    ├─ client.run()                      the pool
///    └─ one child per LISTEN stream       (spawned through `spawn`)
/// ```
///
/// `close()` finishes the spawn queue; the root then cancels its group, which ends the pool and
/// every listener, and `close()` waits for all of it. Nothing is left running afterwards. If a
/// driver is dropped without `close()`, `deinit` finishes the queue the same way (without
/// waiting).
final class PostgresDriverLifecycle: Sendable {
    typealias Work = @Sendable () async -> Void

    private let spawnQueue: AsyncStream<Work>.Continuation
    private let root: Task<Void, Never>
    private let closing = Mutex(false)

    /// Starts the root task and returns once the pool is about to run, so the first query does
    /// not race `client.run()` (postgres-nio warns when a lease comes first).
    init(client: PostgresClient) async {
        let (queue, spawnQueue) = AsyncStream<Work>.makeStream()
        self.spawnQueue = spawnQueue
        let (started, startedSignal) = AsyncStream<Void>.makeStream()
        root = Task {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    startedSignal.finish()
                    await client.run()
                }
                for await work in queue {
                    group.addTask { await work() }
                }
                // The queue ends only in close() or deinit: stop the pool and the listeners.
                group.cancelAll()
            }
        }
        for await _ in started {}
    }

    /// Runs `work` as a child of the root task. False once the driver is closing: the work
    /// was not started.
    func spawn(_ work: @escaping Work) -> Bool {
        if case .enqueued = spawnQueue.yield(work) {
            return true
        }
        return false
    }

    /// True once `close()` has been called.
    var isClosed: Bool {
        closing.withLock { $0 }
    }

    /// Stops everything and waits until it has stopped. Safe to call more than once.
    func close() async {
        closing.withLock { $0 = true }
        spawnQueue.finish()
        await root.value
    }

    deinit {
        spawnQueue.finish()
    }
}
