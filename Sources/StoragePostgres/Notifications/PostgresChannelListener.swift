import Logging
import PostgresNIO
import Synchronization

/// What a LISTEN stream delivers.
public enum PostgresListenEvent: Sendable, Equatable {
    /// The LISTEN is in place: sent first, and again after every reconnection. Notifications
    /// sent while the session was down are lost, so a consumer that mirrors shared state
    /// should reload it on each `.listening` after the first.
    case listening
    /// A `NOTIFY` payload (PostgreSQL limits payloads to 8000 bytes).
    case notification(String)
}

/// Keeps one LISTEN session open on its own connection, outside the pool, until cancelled.
///
/// A dedicated connection because a LISTEN holds its connection for good: taken from the pool
/// it would shrink the pool for queries. The session is re-established after any failure, with
/// a backoff from 0.25 s to 5 s, and a `SELECT 1` every 30 s (answer within 10 s) notices a
/// connection that died silently, since nothing else is sent on it while it waits.
struct PostgresChannelListener: Sendable {
    let channel: String
    let configuration: PostgresConnection.Configuration
    let logger: Logger

    private static let nextConnectionID = Atomic<Int>(1_000_000)
    private static let pingInterval = Duration.seconds(30)
    private static let pingTimeout = Duration.seconds(10)

    /// Returns only when its task is cancelled.
    func run(deliver: @escaping @Sendable (PostgresListenEvent) -> Void) async {
        var delay = Duration.milliseconds(250)
        while !Task.isCancelled {
            let outcome = await session(deliver: deliver)
            if Task.isCancelled { return }
            switch outcome {
            case .lostAfterListening(let error):
                delay = .milliseconds(250)
                logger.warning(
                    "PostgreSQL LISTEN \(channel) lost; reconnecting",
                    metadata: ["cause": "\(PostgresFailureCause.describe(error))"])
            case .failedBeforeListening(let error):
                // One warning per outage, not one every few seconds while the server is down.
                let level: Logger.Level = delay == .milliseconds(250) ? .warning : .debug
                logger.log(
                    level: level,
                    "PostgreSQL LISTEN \(channel) could not start; retrying every few seconds",
                    metadata: ["cause": "\(PostgresFailureCause.describe(error))"])
            }
            do {
                try await Task.sleep(for: delay)
            } catch {
                return
            }
            delay = min(delay * 2, .seconds(5))
        }
    }

    private enum SessionEnd {
        case failedBeforeListening(any Error)
        case lostAfterListening(any Error)
    }

    private func session(deliver: @escaping @Sendable (PostgresListenEvent) -> Void) async -> SessionEnd {
        let connection: PostgresConnection
        do {
            let id = Self.nextConnectionID.add(1, ordering: .relaxed).newValue
            connection = try await PostgresConnection.connect(configuration: configuration, id: id, logger: logger)
        } catch {
            return .failedBeforeListening(error)
        }
        let end = await listen(on: connection, deliver: deliver)
        await connection.closeAndWait()
        return end
    }

    private func listen(
        on connection: PostgresConnection,
        deliver: @escaping @Sendable (PostgresListenEvent) -> Void
    ) async -> SessionEnd {
        let listening = ListeningFlag()
        do {
            try await connection.listen(on: channel) { notifications in
                listening.markListening()
                deliver(.listening)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await notification in notifications {
                            deliver(.notification(notification.payload))
                        }
                        throw PostgresDriverError(kind: .connection, message: "the notification stream ended")
                    }
                    group.addTask {
                        while true {
                            try await Task.sleep(for: Self.pingInterval)
                            try await Self.ping(connection, logger: logger)
                        }
                    }
                    // Either child ending means the session is over; the other is cancelled.
                    try await group.next()
                    group.cancelAll()
                }
            }
            return .lostAfterListening(PostgresDriverError(kind: .connection, message: "the session ended"))
        } catch {
            return listening.isListening ? .lostAfterListening(error) : .failedBeforeListening(error)
        }
    }

    /// `SELECT 1` with a deadline; a connection that does not answer is closed, which also ends
    /// the notification stream.
    private static func ping(_ connection: PostgresConnection, logger: Logger) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                let future: EventLoopFuture<PostgresQueryResult> = connection.query("SELECT 1", logger: logger)
                _ = try await future.get()
            }
            group.addTask {
                try await Task.sleep(for: pingTimeout)
                connection.closeSoon()
                throw PostgresDriverError(kind: .timeout, message: "no answer to a keep-alive query within \(pingTimeout)")
            }
            try await group.next()
            group.cancelAll()
        }
    }
}

private final class ListeningFlag: Sendable {
    private let listening = Mutex(false)

    func markListening() {
        listening.withLock { $0 = true }
    }

    var isListening: Bool {
        listening.withLock { $0 }
    }
}
