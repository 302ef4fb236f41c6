import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `:streamGenerateContent`: relays Google's stream byte for byte as it arrives (SSE with
/// `alt=sse`, else the JSON-array framing), retrying on other keys until the first byte, and
/// ending with an explicit error in the stream's framing if it breaks afterwards (unless Google's
/// own error already ended it).
struct GeminiStreamHandler: Sendable {
    let services: GatewayServices

    struct EmptyUpstreamStream: Error {}

    func relay(_ call: UpstreamCall, sse: Bool, connection: ClientConnection) async -> Response {
        let settings = services.settings.current
        let headers: HTTPFields = [.contentType: sse ? "text/event-stream" : "application/json; charset=UTF-8"]
        // Google's SDKs accept no byte that is not an event, so the native stream only commits
        // its head early (which keeps proxies from timing out) and writes nothing until data.
        let keepAlive = StreamRelay.KeepAlive(
            after: .seconds(settings.streamKeepAliveSeconds), every: .seconds(settings.streamKeepAliveSeconds), bytes: nil)
        let dispatcher = services.dispatcher
        return await StreamRelay.respond(
            family: .gemini, framing: sse ? .serverSentEvents : .jsonArray, headers: headers, keepAlive: keepAlive,
            connection: connection
        ) { sink in
            await Self.produce(call, sse: sse, dispatcher: dispatcher, sink: sink)
        }
    }

    private static func produce(_ call: UpstreamCall, sse: Bool, dispatcher: Dispatcher, sink: StreamSink) async {
        let accepted: AcceptedAttempt<(HTTPClientResponse.Body.AsyncIterator, ByteBuffer)>
        do {
            accepted = try await dispatcher.attempt(call) { response in
                var iterator = response.body.makeAsyncIterator()
                guard let first = try await iterator.next() else { throw EmptyUpstreamStream() }
                return (iterator, first)
            }
        } catch {
            await sink.fail(error)
            return
        }
        await sink.open()
        var (iterator, first) = accepted.value
        var monitor = NativeStreamMonitor(sse: sse)
        var next: ByteBuffer? = first
        do {
            while let chunk = next {
                monitor.observe(chunk)
                await sink.write(chunk)
                if Task.isCancelled { break }
                next = try await iterator.next()
            }
        } catch {
            if !Task.isCancelled {
                let failure = GatewayError.streamInterrupted("upstream stream failed: \(error)")
                dispatcher.logStreamFailure(call, accepted: accepted, error: failure)
                if monitor.canReportFailure { await sink.fail(failure) }
                return
            }
        }
        if Task.isCancelled {
            dispatcher.logStreamFailure(call, accepted: accepted, error: .streamInterrupted("the client closed the connection"))
        } else if monitor.isComplete {
            dispatcher.logSuccess(call, accepted: accepted, status: 200)
        } else {
            let failure = GatewayError.streamInterrupted(monitor.incompleteReason)
            dispatcher.logStreamFailure(call, accepted: accepted, error: failure)
            if monitor.canReportFailure { await sink.fail(failure) }
        }
    }
}
