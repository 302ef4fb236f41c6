/// A database call that has not answered within its time. Some drivers wait for a connection
/// while the server is away (postgres-nio, for 15 s) instead of failing, so an outage is also
/// told by silence.
struct DatabaseSilence: Error, CustomStringConvertible {
    let limit: Duration

    var description: String { "the database did not answer within \(limit.components.seconds) s" }
}

/// Runs `operation`, giving up (and cancelling it) after `limit`.
func withDeadline<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw DatabaseSilence(limit: limit)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}
