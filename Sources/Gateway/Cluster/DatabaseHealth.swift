import Foundation
import Logging
import Synchronization

/// Whether the database answers, as the background work that talks to it finds out: since when
/// it does not, and why. Proxying never waits for it (settings and keys are in memory, logs are
/// buffered); this is what the banner, the log and the panel say about an outage.
public final class DatabaseHealth: Sendable {
    private struct State {
        var outage: DatabaseOutage?
    }

    private let state = Mutex(State())
    private let logger: Logger
    /// Describes the buffered logs in the outage messages.
    private let backlog: @Sendable () -> (pending: Int, dropped: Int)

    init(logger: Logger, backlog: @escaping @Sendable () -> (pending: Int, dropped: Int)) {
        self.logger = logger
        self.backlog = backlog
    }

    /// The current outage, or nil while the database answers.
    public var outage: DatabaseOutage? { state.withLock { $0.outage } }

    /// A statement failed. The first failure of an outage is logged; the rest only update it.
    func recordFailure(_ error: any Error, now: Date = Date()) {
        let message = Self.describe(error)
        let started = state.withLock { state -> Bool in
            if state.outage == nil {
                state.outage = DatabaseOutage(since: now, lastError: message, lastFailureAt: now)
                return true
            }
            state.outage?.lastError = message
            state.outage?.lastFailureAt = now
            return false
        }
        if started {
            logger.warning(
                "The database does not answer. Requests are still served with the settings and keys in memory; logs wait in memory (up to \(LogWriter.defaultCapacity) of each kind, and \(LogWriter.defaultErrorByteBudget >> 20) MB of error logs) until it is back. Settings cannot be saved meanwhile.",
                metadata: ["cause": "\(message)"])
        }
    }

    /// A statement succeeded: an outage, if there was one, is over.
    func recordSuccess(now: Date = Date()) {
        guard let ended = state.withLock({ state -> DatabaseOutage? in
            defer { state.outage = nil }
            return state.outage
        }) else { return }
        let seconds = Int(now.timeIntervalSince(ended.since).rounded())
        let (pending, dropped) = backlog()
        var text = "The database answers again after \(seconds) s; \(pending) buffered log entries are being written."
        if dropped > 0 { text += " \(dropped) log entries were dropped (the buffer was full, or the database refused them)." }
        logger.notice("\(text)")
    }

    static func describe(_ error: any Error) -> String {
        String(String(describing: error).prefix(500))
    }
}

/// The database has not answered since `since`.
public struct DatabaseOutage: Sendable, Equatable {
    public var since: Date
    public var lastError: String
    public var lastFailureAt: Date
}
