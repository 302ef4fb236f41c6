import NIOCore

/// Watches a relayed native stream to tell a complete answer from a truncated one, without
/// parsing it: an SSE answer is complete once a `finishReason` has gone by (Google puts it on the
/// last event); an array answer once its closing `]` has arrived. An error from Google (an
/// `{"error":` event, or an array element whose first key is `"error"`) counts as a failure.
struct NativeStreamMonitor {
    let sse: Bool
    private(set) var sawFinishReason = false
    private(set) var sawErrorEvent = false
    private var lastSignificantByte: UInt8 = 0
    /// The end of the previous chunk, so a marker split across two chunks is still found.
    private var tail: [UInt8] = []

    init(sse: Bool) { self.sse = sse }

    mutating func observe(_ chunk: ByteBuffer) {
        let bytes = tail + Array(chunk.readableBytesView)
        if !sawFinishReason && Self.contains(bytes, "\"finishReason\"") { sawFinishReason = true }
        if !sawErrorEvent && Self.contains(bytes, errorMarker) { sawErrorEvent = true }
        if let last = bytes.last(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) {
            lastSignificantByte = last
        }
        tail = Array(bytes.suffix(24))
    }

    /// How Google starts an error in each framing. Neither can occur inside an answer: quotes and
    /// line breaks in JSON strings are escaped, and in a pretty-printed array element only a
    /// top-level key follows `{` and a line break with exactly two spaces.
    private var errorMarker: String { sse ? "data: {\"error\"" : "{\n  \"error\"" }

    private var arrayClosed: Bool { lastSignificantByte == UInt8(ascii: "]") }

    var isComplete: Bool {
        if sawErrorEvent { return false }
        return sse ? sawFinishReason : arrayClosed
    }

    /// Whether Gemgate may still write a failure into the stream: not after Google's own error
    /// event (the client's SDK has raised on it; a second one would only add noise), nor after
    /// the array's closing `]` (nothing may follow it; an array Google closed after its own error
    /// element already tells the client).
    var canReportFailure: Bool {
        sse ? !sawErrorEvent : !arrayClosed
    }

    var incompleteReason: String {
        if sawErrorEvent { return "Google sent an error event in the middle of the stream" }
        return sse ? "the upstream stream ended without a finishReason" : "the upstream JSON array was not closed"
    }

    private static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard haystack.count >= pattern.count else { return false }
        return haystack.indices.dropLast(pattern.count - 1).contains { start in
            haystack[start..<start + pattern.count].elementsEqual(pattern)
        }
    }
}
