import AsyncAlgorithms
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// Answers a streaming request (DESIGN.md §4).
///
/// A producer task does the upstream work (retries included) and sends framed bytes through a
/// `StreamSink`. The relay waits for the producer to open the stream before it commits to 200,
/// so that every failure before the first byte is a proper HTTP error. If the first byte takes
/// longer than `keepAlive.after`, it commits early — so that proxies such as Cloudflare (100 s to
/// the first byte) do not cut the connection — and then writes `keepAlive.bytes`, if the family
/// has a harmless keep-alive, every `keepAlive.every` until the answer starts; a failure from
/// then on is written into the stream in its framing (`StreamFraming`).
///
/// When the client goes away, the producer is cancelled, and with it the upstream call: at once
/// when its connection closes, which matters while nothing is being written (a slow first event,
/// a long pause), and otherwise when a write fails.
public enum StreamRelay {
    public struct KeepAlive: Sendable {
        /// Commit the response head after this long without the first byte.
        public var after: Duration
        public var every: Duration
        /// Bytes that clients ignore (`: keep-alive\n\n` for OpenAI's SSE); nil when the family
        /// has none (Google's SDKs reject any byte that is not an event).
        public var bytes: ByteBuffer?

        public init(after: Duration, every: Duration, bytes: ByteBuffer?) {
            self.after = after
            self.every = every
            self.bytes = bytes
        }
    }

    public static func respond(
        family: APIFamily, framing: StreamFraming = .serverSentEvents, headers: HTTPFields, keepAlive: KeepAlive,
        connection: ClientConnection, producer: @escaping @Sendable (StreamSink) async -> Void
    ) async -> Response {
        let channel = AsyncChannel<StreamMessage>()
        let task = Task {
            await producer(StreamSink(channel: channel))
            channel.finish()
        }
        let owner = ProducerOwner(task, closeObservation: connection.onClose { task.cancel() })
        var streamHeaders = headers
        streamHeaders[.cacheControl] = "no-cache"
        streamHeaders[HTTPField.Name("X-Accel-Buffering")!] = "no"

        let first = await nextMessage(from: channel, within: keepAlive.after)
        if Task.isCancelled || connection.isClosed {
            owner.cancel()
            return GatewayError.clientGone.response(for: family)
        }
        switch first {
        case .message(.failed(let error)):
            owner.cancel()
            return error.response(for: family)
        case .message(.opened):
            return Response(status: .ok, headers: streamHeaders, body: ResponseBody { writer in
                try await pump(channel, into: &writer, family: family, framing: framing, owner: owner, keepAlive: nil)
            })
        case .message(.bytes(let first)):
            // A producer that writes without opening has opened implicitly.
            return Response(status: .ok, headers: streamHeaders, body: ResponseBody { writer in
                try await write(first, to: &writer, owner: owner)
                try await pump(
                    channel, into: &writer, family: family, framing: framing, owner: owner, keepAlive: nil, wroteData: true)
            })
        case .finished:
            return GatewayError.internalError("stream producer ended without an answer").response(for: family)
        case .timedOut:
            return Response(status: .ok, headers: streamHeaders, body: ResponseBody { writer in
                try await pump(channel, into: &writer, family: family, framing: framing, owner: owner, keepAlive: keepAlive)
            })
        }
    }

    /// Writes messages until the producer finishes. While `keepAlive` is set and the stream has
    /// not opened, waits in steps and writes keep-alive bytes in between. `wroteData` says whether
    /// the answer's first bytes went out already (a failure is framed after them).
    private static func pump(
        _ channel: AsyncChannel<StreamMessage>, into writer: inout any ResponseBodyWriter, family: APIFamily,
        framing: StreamFraming, owner: ProducerOwner, keepAlive: KeepAlive?, wroteData: Bool = false
    ) async throws {
        var wroteData = wroteData
        var waitingForOpen = keepAlive != nil
        while waitingForOpen, let keepAlive {
            switch await nextMessage(from: channel, within: keepAlive.every) {
            case .timedOut:
                if let bytes = keepAlive.bytes { try await write(bytes, to: &writer, owner: owner) }
            case .message(.opened):
                waitingForOpen = false
            case .message(.bytes(let bytes)):
                try await write(bytes, to: &writer, owner: owner)
                wroteData = true
                waitingForOpen = false
            case .message(.failed(let error)):
                try await write(framing.failure(error, family: family, afterData: wroteData), to: &writer, owner: owner)
                try await writer.finish(nil)
                return
            case .finished:
                try await writer.finish(nil)
                return
            }
        }
        relaying: for await message in channel {
            switch message {
            case .opened:
                continue
            case .bytes(let bytes):
                try await write(bytes, to: &writer, owner: owner)
                wroteData = true
            case .failed(let error):
                try await write(framing.failure(error, family: family, afterData: wroteData), to: &writer, owner: owner)
                if framing.failureEndsStream { break relaying }
            }
        }
        try await writer.finish(nil)
    }

    private static func write(_ bytes: ByteBuffer, to writer: inout any ResponseBodyWriter, owner: ProducerOwner) async throws {
        do {
            try await writer.write(bytes)
        } catch {
            // The client went away: stop the producer and, through it, the upstream call.
            owner.cancel()
            throw error
        }
    }

    enum Next {
        case message(StreamMessage)
        case finished
        case timedOut
    }

    /// The next message, or `.timedOut` after `timeout`. A message that arrives as the timer
    /// fires is not lost: the group waits for both children and keeps it.
    static func nextMessage(from channel: AsyncChannel<StreamMessage>, within timeout: Duration) async -> Next {
        await withTaskGroup(of: Next.self) { group in
            group.addTask {
                var iterator = channel.makeAsyncIterator()
                if let message = await iterator.next() { return .message(message) }
                return Task.isCancelled ? .timedOut : .finished
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return .timedOut
            }
            var result = await group.next() ?? .timedOut
            group.cancelAll()
            for await other in group {
                if case .message = other { result = other }
                if case .finished = other, case .timedOut = result { result = other }
            }
            return result
        }
    }
}

/// Owns the producer task: cancels it when asked, and when the response is dropped without its
/// body ever being written (the client left before the head went out). Once the response is
/// done it also stops watching the connection.
final class ProducerOwner: Sendable {
    private let task: Task<Void, Never>
    private let closeObservation: CloseObservation

    init(_ task: Task<Void, Never>, closeObservation: CloseObservation) {
        self.task = task
        self.closeObservation = closeObservation
    }

    func cancel() { task.cancel() }

    deinit {
        task.cancel()
        closeObservation.cancel()
    }
}
