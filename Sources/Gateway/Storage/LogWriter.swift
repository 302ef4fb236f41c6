import AsyncAlgorithms
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Writes request and error logs to storage off the request path: requests append to a bounded
/// buffer (no I/O, no waiting) and this service writes the buffer in batches, about once a
/// second, and once more on shutdown.
///
/// When the database is away the buffer keeps the newest entries up to its capacity; the number
/// dropped beyond that is counted, logged and shown on the panel.
public final class LogWriter: Service, Sendable {
    public static let defaultCapacity = 20_000
    static let batchSize = 500
    /// How long one flush may take before it is given up and retried.
    static let writeLimit: Duration = .seconds(20)

    private struct Buffer {
        var requests: [RequestLogEntry] = []
        var errors: [ErrorLogEntry] = []
        var dropped = 0
        var lastFailure: String?
    }

    private let buffer = Mutex(Buffer())
    private let storage: any Storage
    private let capacity: Int
    private let interval: Duration
    private let logger: Logger
    /// Nudges the writer when a batch is full, so bursts are written without waiting the interval.
    private let wakeups: AsyncChannel<Void>

    public init(storage: any Storage, capacity: Int = defaultCapacity, interval: Duration = .seconds(1), logger: Logger) {
        self.storage = storage
        self.capacity = capacity
        self.interval = interval
        self.logger = logger
        self.wakeups = AsyncChannel()
    }

    public func record(_ entry: RequestLogEntry) {
        let full = buffer.withLock { buffer -> Bool in
            if buffer.requests.count >= capacity {
                buffer.requests.removeFirst()
                buffer.dropped += 1
            }
            buffer.requests.append(entry)
            return buffer.requests.count == Self.batchSize
        }
        if full { nudge() }
    }

    public func record(_ entry: ErrorLogEntry) {
        buffer.withLock { buffer in
            if buffer.errors.count >= capacity {
                buffer.errors.removeFirst()
                buffer.dropped += 1
            }
            buffer.errors.append(entry)
        }
    }

    /// Entries waiting to be written, and entries lost because the buffer was full.
    public var backlog: (pending: Int, dropped: Int, lastFailure: String?) {
        buffer.withLock { ($0.requests.count + $0.errors.count, $0.dropped, $0.lastFailure) }
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown { [self] in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { [wakeups] in
                    // Turns the nudges into an immediate flush.
                    for await _ in wakeups where !Task.isCancelled { await self.flush() }
                }
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    // Once cancelled, leave the writing to the final flush below: the database
                    // driver refuses work from a cancelled task.
                    if Task.isCancelled { break }
                    await flush()
                }
                group.cancelAll()
            }
        }
        // The final write happens after the server stopped (services stop in reverse order).
        await flush()
    }

    /// Writes everything buffered now. Entries stay buffered if the write fails.
    public func flush() async {
        let (requests, errors) = buffer.withLock { buffer in
            let taken = (buffer.requests, buffer.errors)
            buffer.requests.removeAll(keepingCapacity: true)
            buffer.errors.removeAll(keepingCapacity: true)
            return taken
        }
        guard !requests.isEmpty || !errors.isEmpty else { return }
        do {
            // A write that hangs (a statement sent as the database went away) must not hold its
            // batch for good: past the limit it counts as failed and the batch is kept to retry.
            let storage = storage
            try await waitAtMost(Self.writeLimit) {
                for start in stride(from: 0, to: requests.count, by: Self.batchSize) {
                    try await storage.insertRequestLogs(Array(requests[start..<min(start + Self.batchSize, requests.count)]))
                }
                try await storage.insertErrorLogs(errors)
            }
            let recovered = buffer.withLock { buffer -> Bool in
                defer { buffer.lastFailure = nil }
                return buffer.lastFailure != nil
            }
            if recovered { logger.notice("The database accepts log writes again; the buffered logs were written.") }
        } catch {
            let (firstFailure, dropped) = buffer.withLock { buffer -> (Bool, Int) in
                // Put them back in front of anything recorded meanwhile, within capacity.
                let keptRequests = (requests + buffer.requests).suffix(capacity)
                let keptErrors = (errors + buffer.errors).suffix(capacity)
                buffer.dropped += requests.count + buffer.requests.count - keptRequests.count
                buffer.dropped += errors.count + buffer.errors.count - keptErrors.count
                buffer.requests = Array(keptRequests)
                buffer.errors = Array(keptErrors)
                defer { buffer.lastFailure = String(describing: error) }
                return (buffer.lastFailure == nil, buffer.dropped)
            }
            if firstFailure {
                logger.warning("Cannot write logs to the database; keeping them in memory until it is back (\(dropped) dropped so far): \(error)")
            }
        }
    }

    private func nudge() {
        Task { [wakeups] in await wakeups.send(()) }
    }
}
