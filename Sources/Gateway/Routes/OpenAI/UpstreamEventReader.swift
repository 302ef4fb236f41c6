import AsyncHTTPClient
import NIOCore
import Wire

/// Reads an upstream SSE stream payload by payload, for the two OpenAI stream producers
/// (`ChatStreamProducer` over Gemini's stream, `GoogleOpenAIRelay` over Google's OpenAI one).
///
/// `open(_:)` is the dispatcher's accept step: it reads until the first complete event, so a stream
/// that fails or sends an error event before any data is retried on another key, invisibly to the
/// client. The reader it returns hands out that first event and then the rest with `next()`.
struct UpstreamEventReader {
    struct EmptyUpstreamStream: Error, CustomStringConvertible {
        var description: String { "the upstream stream ended before its first event" }
    }

    struct ErrorBeforeData: Error, CustomStringConvertible {
        let message: String
        var description: String { "the upstream stream began with an error event: \(message)" }
    }

    private var iterator: HTTPClientResponse.Body.AsyncIterator
    private var parser: SSEParser
    /// Payloads parsed from the last read and not handed out yet (from `nextIndex` on).
    private var payloads: [String]
    private var nextIndex = 0
    /// The upstream body has ended; what the parser held is in `payloads`.
    private var ended: Bool
    private var handedOutFirst = false

    private init(iterator: HTTPClientResponse.Body.AsyncIterator, parser: SSEParser, payloads: [String], ended: Bool) {
        self.iterator = iterator
        self.parser = parser
        self.payloads = payloads
        self.ended = ended
    }

    /// Reads until the first complete event; throws when the stream ends before one, or when it
    /// is an error event.
    static func open(_ response: HTTPClientResponse) async throws -> UpstreamEventReader {
        var iterator = response.body.makeAsyncIterator()
        var parser = SSEParser()
        while true {
            guard let bytes = try await iterator.next() else {
                let rest = parser.finish().filter { !isBlank($0) }
                guard !rest.isEmpty else { throw EmptyUpstreamStream() }
                return UpstreamEventReader(iterator: iterator, parser: parser, payloads: rest, ended: true)
            }
            let payloads = parser.feed(bytes.readableBytesView).filter { !isBlank($0) }
            guard let first = payloads.first else { continue }
            if let event = JSONValue(parsing: first), let error = GeminiErrorFrame.error(in: event) {
                throw ErrorBeforeData(message: error["message"]?.stringValue ?? "unknown error")
            }
            return UpstreamEventReader(iterator: iterator, parser: parser, payloads: payloads, ended: false)
        }
    }

    /// The next payload that is not blank; nil at the end of the stream, or once the task is
    /// cancelled (the client left). The first event is always handed out: it was read before the
    /// client's 200, so the producer deals with it before looking at cancellation.
    mutating func next() async throws(GatewayError) -> String? {
        if handedOutFirst, Task.isCancelled { return nil }
        while true {
            while nextIndex < payloads.count {
                let payload = payloads[nextIndex]
                nextIndex += 1
                if !Self.isBlank(payload) {
                    handedOutFirst = true
                    return payload
                }
            }
            if ended || Task.isCancelled { return nil }
            do {
                if let bytes = try await iterator.next() {
                    payloads = parser.feed(bytes.readableBytesView)
                } else {
                    payloads = parser.finish()
                    ended = true
                }
                nextIndex = 0
            } catch {
                throw .streamInterrupted("the upstream stream failed: \(error)")
            }
        }
    }

    private static func isBlank(_ payload: String) -> Bool {
        payload.allSatisfy(\.isWhitespace)
    }
}
