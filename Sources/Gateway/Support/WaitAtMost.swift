import Synchronization

/// The operation did not finish within its time and was abandoned.
public struct WaitAbandoned: Error, CustomStringConvertible {
    public let limit: Duration
    public var description: String { "no answer within \(limit.components.seconds) s; gave up waiting" }
}

/// Waits for `operation` at most `limit`, then stops waiting: the operation is cancelled and
/// left to end on its own.
///
/// Unlike a task group, this returns even when the operation ignores cancellation — as a
/// database statement sent to a server that vanished mid-flight may (postgres-nio can leave such a
/// statement unanswered for good). The caller then treats the work as not done and retries it
/// later, which is what the log writer and the key-state persister need.
public func waitAtMost<T: Sendable>(
    _ limit: Duration, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let work = Task { try await operation() }
    let outcome = OnceOutcome<T>()
    return try await withCheckedThrowingContinuation { continuation in
        outcome.install(continuation)
        let timer = Task {
            try? await Task.sleep(for: limit)
            if outcome.resume(with: .failure(WaitAbandoned(limit: limit))) { work.cancel() }
        }
        Task {
            let result: Result<T, any Error>
            do { result = .success(try await work.value) } catch { result = .failure(error) }
            if outcome.resume(with: result) { timer.cancel() }
        }
    }
}

/// Resumes a continuation exactly once, whichever side comes first.
private final class OnceOutcome<T: Sendable>: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<T, any Error>?, done: Bool)>((nil, false))

    func install(_ continuation: CheckedContinuation<T, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    /// True when this call resumed the continuation.
    func resume(with result: Result<T, any Error>) -> Bool {
        let continuation = state.withLock { state -> CheckedContinuation<T, any Error>? in
            guard !state.done, let continuation = state.continuation else { return nil }
            state.done = true
            state.continuation = nil
            return continuation
        }
        continuation?.resume(with: result)
        return continuation != nil
    }
}
