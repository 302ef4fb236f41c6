import Synchronization

/// Who puts back the unwritten entries of one log write: the write itself when it ends, or the
/// flush that stopped waiting for it. Exactly one of them does, so no entry is put back twice
/// (and written twice) or by neither (and lost).
final class LogWriteClaim: Sendable {
    private struct State {
        var requests = 0
        var errors = 0
        var ended = false
    }

    private let state = Mutex(State())

    /// The first `count` request entries are written or refused.
    func settled(requests count: Int) { state.withLock { $0.requests = count } }

    /// The first `count` error entries are written or refused (every request entry too).
    func settled(errors count: Int) { state.withLock { $0.errors = count } }

    /// The write ended; true when it still owns its entries and must put back what is open.
    func finish() -> Bool {
        state.withLock { state in
            defer { state.ended = true }
            return !state.ended
        }
    }

    /// The flush stops waiting: how many entries of each kind are settled, for it to put back the
    /// rest, or nil when the write ended first and has put them back itself.
    func abandon() -> (requests: Int, errors: Int)? {
        state.withLock { state in
            guard !state.ended else { return nil }
            state.ended = true
            return (state.requests, state.errors)
        }
    }
}
