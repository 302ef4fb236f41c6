import Synchronization

/// The last `capacity` recorded requests, oldest first; a ring buffer so a benchmark that leaves
/// recording on still runs in flat memory.
final class RequestLog: Sendable {
    private struct State {
        var entries: [RecordedRequest] = []
        /// Index of the oldest entry once the buffer is full.
        var start = 0
        var nextID = 1
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 5000) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    /// Stores a request and returns its id (assigned here, in arrival order).
    @discardableResult
    func append(_ request: RecordedRequest) -> Int {
        state.withLock { state in
            var request = request
            request.id = state.nextID
            state.nextID += 1
            if state.entries.count < capacity {
                state.entries.append(request)
            } else {
                state.entries[state.start] = request
                state.start = (state.start + 1) % capacity
            }
            return request.id
        }
    }

    /// Changes a stored request (a stream's outcome is known only after its last write); no-op
    /// when it has already been pushed out.
    func update(_ id: Int, _ change: (inout RecordedRequest) -> Void) {
        state.withLock { state in
            guard let oldestID = state.entries.isEmpty ? nil : state.entries[state.start].id,
                id >= oldestID, id < state.nextID
            else { return }
            let index = (state.start + (id - oldestID)) % state.entries.count
            change(&state.entries[index])
        }
    }

    func all() -> [RecordedRequest] {
        state.withLock { state in
            Array(state.entries[state.start...] + state.entries[..<state.start])
        }
    }

    func removeAll() {
        state.withLock { state in
            state.entries.removeAll(keepingCapacity: true)
            state.start = 0
        }
    }
}
