import DequeModule

/// The log entries waiting to be written, within bounds: at most `capacity` entries of each
/// kind, and error entries at most `errorByteBudget` bytes in all (each may carry a request body
/// of up to 1 MB, so a count alone would let an outage hold gigabytes). Past a bound the oldest
/// entries give way, and are counted as dropped.
struct LogBuffer {
    let capacity: Int
    let errorByteBudget: Int
    private(set) var requests = Deque<RequestLogEntry>()
    private(set) var errors = Deque<ErrorLogEntry>()
    /// `bufferedBytes` of the entries in `errors`.
    private(set) var errorBytes = 0
    /// Entries lost since the start: pushed out by a bound, or refused by the database.
    var dropped = 0
    /// Why the last write failed, while writes fail.
    var lastFailure: String?

    init(capacity: Int, errorByteBudget: Int) {
        self.capacity = capacity
        self.errorByteBudget = errorByteBudget
    }

    var count: Int { requests.count + errors.count }

    mutating func append(_ entry: RequestLogEntry) {
        requests.append(entry)
        trimRequests()
    }

    mutating func append(_ entry: ErrorLogEntry) {
        errors.append(entry)
        errorBytes += entry.bufferedBytes
        trimErrors()
    }

    /// Everything buffered, oldest first; the buffer is left empty.
    mutating func takeAll() -> (requests: [RequestLogEntry], errors: [ErrorLogEntry]) {
        defer {
            requests.removeAll()
            errors.removeAll()
            errorBytes = 0
        }
        return (Array(requests), Array(errors))
    }

    /// Puts entries that were not written back in front of those recorded since, within the
    /// bounds: when they no longer fit, the oldest give way.
    mutating func putBack(requests unwrittenRequests: [RequestLogEntry], errors unwrittenErrors: [ErrorLogEntry]) {
        requests.prepend(contentsOf: unwrittenRequests)
        trimRequests()
        errors.prepend(contentsOf: unwrittenErrors)
        errorBytes += unwrittenErrors.reduce(0) { $0 + $1.bufferedBytes }
        trimErrors()
    }

    private mutating func trimRequests() {
        while requests.count > capacity {
            requests.removeFirst()
            dropped += 1
        }
    }

    private mutating func trimErrors() {
        while errors.count > capacity || (errorBytes > errorByteBudget && errors.count > 1) {
            errorBytes -= errors.removeFirst().bufferedBytes
            dropped += 1
        }
    }
}
