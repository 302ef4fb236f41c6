import AsyncAlgorithms
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Writes request and error logs to storage off the request path: requests append to a bounded
/// buffer (no I/O, no waiting) and this service writes the buffer in batches, about once a
/// second, and once more on shutdown.
///
/// When the database is away the buffer keeps the newest entries within its bounds (`LogBuffer`:
/// a count per kind, and bytes for error entries); the number dropped beyond that is counted,
/// logged and shown on the panel. A row the database refuses for its values (see `LogBatches`)
/// is dropped and counted the same way, not retried.
public final class LogWriter: Service, Sendable {
    public static let defaultCapacity = 20_000
    /// Error entries may carry a request body (cut to 1 MB when recorded), so their count alone
    /// would let an outage fill gigabytes; 32 MB still holds about 30 of the largest.
    public static let defaultErrorByteBudget = 32 << 20
    static let batchSize = 500
    /// How long a flush waits for its write before it stops waiting (the write goes on).
    public static let defaultWriteLimit: Duration = .seconds(20)

    private let buffer: Mutex<LogBuffer>
    private let storage: any LogRowStorage
    private let interval: Duration
    private let writeLimit: Duration
    private let logger: Logger
    /// Nudges the writer when a batch is full, so bursts are written without waiting the interval.
    private let wakeups: AsyncChannel<Void>

    public init(
        storage: any LogRowStorage, capacity: Int = defaultCapacity, errorByteBudget: Int = defaultErrorByteBudget,
        interval: Duration = .seconds(1), writeLimit: Duration = defaultWriteLimit, logger: Logger
    ) {
        self.storage = storage
        self.buffer = Mutex(LogBuffer(capacity: capacity, errorByteBudget: errorByteBudget))
        self.interval = interval
        self.writeLimit = writeLimit
        self.logger = logger
        self.wakeups = AsyncChannel()
    }

    public func record(_ entry: RequestLogEntry) {
        let full = buffer.withLock { buffer -> Bool in
            buffer.append(entry)
            return buffer.requests.count == Self.batchSize
        }
        if full { nudge() }
    }

    /// Keeps no more of the request body than storage will write (`ErrorLogEntry.cutToStoredSize`).
    public func record(_ entry: ErrorLogEntry) {
        // Cut outside the lock: it may walk a body of many megabytes.
        let entry = entry.cutToStoredSize()
        buffer.withLock { $0.append(entry) }
    }

    /// Entries waiting to be written, and entries lost because the buffer was full or the
    /// database refused them.
    public var backlog: (pending: Int, dropped: Int, lastFailure: String?) {
        buffer.withLock { ($0.count, $0.dropped, $0.lastFailure) }
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

    /// Writes everything buffered now. What is not written stays buffered for the next flush,
    /// except rows the database refuses on their own (`LogBatches`), which are dropped, counted
    /// and logged.
    ///
    /// A write that has not ended after `writeLimit` is abandoned: everything it had not settled
    /// yet goes back to the buffer at once, and the write, whenever it ends, puts nothing back.
    /// A statement that never answers (postgres-nio can leave one so when the server vanishes
    /// mid-flight) would otherwise hold its rows for good. The price, rare: a MySQL statement
    /// that commits after 20 s writes its rows twice.
    public func flush() async {
        let (requests, errors) = buffer.withLock { $0.takeAll() }
        guard !requests.isEmpty || !errors.isEmpty else { return }
        let claim = LogWriteClaim()
        let failure: (any Error)?
        do {
            failure = try await waitAtMost(writeLimit) { [self] in await write(requests, errors, claim: claim) }
        } catch {
            if let settled = claim.abandon() {
                buffer.withLock {
                    $0.putBack(requests: Array(requests[settled.requests...]), errors: Array(errors[settled.errors...]))
                }
            }
            failure = error
        }
        if let failure {
            noteFailure(failure)
        } else {
            noteSuccess()
        }
    }

    /// Writes request rows, then error rows; puts back what was not written and drops what the
    /// database refused. Returns what stopped the write, if anything did.
    private func write(_ requests: [RequestLogEntry], _ errors: [ErrorLogEntry], claim: LogWriteClaim) async -> (any Error)? {
        let storage = storage
        let requestOutcome = await LogBatches.write(
            requests, batchSize: Self.batchSize, handled: { claim.settled(requests: $0) }
        ) {
            try await storage.insertRequestLogs($0)
        }
        var errorOutcome = LogBatches.Outcome(unwritten: errors)
        // After an outage the error rows would only fail the same way: keep them for next time.
        if requestOutcome.failure == nil {
            errorOutcome = await LogBatches.write(
                errors, batchSize: Self.batchSize, handled: { claim.settled(errors: $0) }
            ) {
                try await storage.insertErrorLogs($0)
            }
        }
        let refusedCount = requestOutcome.refused.count + errorOutcome.refused.count
        // Abandoned meanwhile: the flush already put back what was open; nothing more to do.
        guard claim.finish() else { return requestOutcome.failure ?? errorOutcome.failure }
        let dropped = buffer.withLock { buffer -> Int in
            buffer.putBack(requests: requestOutcome.unwritten, errors: errorOutcome.unwritten)
            buffer.dropped += refusedCount
            return buffer.dropped
        }
        if let first = requestOutcome.refused.first {
            reportRefused(refusedCount, dropped: dropped, row: "request log row (model \(Self.shown(first.entry.model)))", error: first.error)
        } else if let first = errorOutcome.refused.first {
            reportRefused(refusedCount, dropped: dropped,
                          row: "error log row (\(first.entry.errorType), model \(Self.shown(first.entry.model)))", error: first.error)
        }
        return requestOutcome.failure ?? errorOutcome.failure
    }

    /// One warning per write, naming the first refused row by its kind and model only: its key,
    /// error text and request body stay out of the log.
    private func reportRefused(_ count: Int, dropped: Int, row: String, error: any Error) {
        logger.warning(
            "The database refused \(count) log row(s) on their own; they were dropped (\(dropped) log entries dropped so far). First: a \(row): \(error)")
    }

    /// A model name fit for one log line: the client chose it, so it is cut short and loses its
    /// control characters (a NUL, a line break).
    private static func shown(_ model: String?) -> String {
        guard let model else { return "none" }
        let kept = model.unicodeScalars.prefix(100).filter { $0.properties.generalCategory != .control }
        return String(String.UnicodeScalarView(kept))
    }

    private func noteSuccess() {
        let recovered = buffer.withLock { buffer -> Bool in
            defer { buffer.lastFailure = nil }
            return buffer.lastFailure != nil
        }
        if recovered { logger.notice("The database accepts log writes again; the buffered logs were written.") }
    }

    private func noteFailure(_ error: any Error) {
        let (firstFailure, dropped) = buffer.withLock { buffer -> (Bool, Int) in
            defer { buffer.lastFailure = String(describing: error) }
            return (buffer.lastFailure == nil, buffer.dropped)
        }
        if firstFailure {
            logger.warning("Cannot write logs to the database; keeping them in memory until it is back (\(dropped) dropped so far): \(error)")
        }
    }

    private func nudge() {
        Task { [wakeups] in await wakeups.send(()) }
    }
}
