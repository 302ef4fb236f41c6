import Foundation
import Wire

/// Produces the OpenAI stream of one chat request for `StreamRelay`.
///
/// `relay` reads Google's SSE stream event by event and writes `chat.completion.chunk` events as
/// they come (Wire's `ChatStreamTranslator`); retries over keys happen only until the first event
/// has arrived. `fakeStream` (FAKE_STREAM_ENABLED) waits for a whole answer while sending empty
/// chunks. Both end with `data: [DONE]`; a failure after the first byte is an explicit error
/// event, then `[DONE]`, never a silent cut that looks like a complete answer.
struct ChatStreamProducer: Sendable {
    let call: UpstreamCall
    let plan: ChatRequestPlan
    let services: GatewayServices

    // MARK: Streaming upstream

    func relay(into sink: StreamSink) async {
        let dispatcher = services.dispatcher
        let accepted: AcceptedAttempt<UpstreamEventReader>
        do {
            accepted = try await dispatcher.attempt(call) { response in try await UpstreamEventReader.open(response) }
        } catch {
            await sink.fail(error)
            return
        }
        await sink.open()
        var translator = ChatStreamTranslator(options: plan.response, includeUsage: plan.includeUsage)
        var reader = accepted.value
        var failure: GatewayError?

        do {
            while let payload = try await reader.next() {
                guard let event = JSONValue(parsing: payload) else {
                    failure = .streamInterrupted("the upstream sent an event that is not JSON: \(payload.prefix(200))")
                    break
                }
                if let error = GeminiErrorFrame.error(in: event) {
                    failure = Self.midStreamError(error)
                    break
                }
                for chunk in translator.translate(event) {
                    await sink.write(OpenAIStreamFrames.data(chunk))
                }
            }
        } catch {
            failure = error
        }
        // Signatures seen so far are kept even for a cut stream: the client may retry from its
        // history, which holds the calls it received.
        services.thoughtSignatures.store(translator.thoughtSignatures)

        if Task.isCancelled {
            dispatcher.logStreamFailure(call, accepted: accepted, error: .streamInterrupted("the client closed the connection"))
            return
        }
        if failure == nil {
            let end = translator.finish()
            if end.isTruncated {
                failure = .streamInterrupted("the upstream stream ended without a finishReason")
            } else {
                for chunk in end.chunks { await sink.write(OpenAIStreamFrames.data(chunk)) }
            }
        }
        if let failure {
            dispatcher.logStreamFailure(call, accepted: accepted, error: failure)
            await sink.fail(failure)
        } else {
            dispatcher.logSuccess(call, accepted: accepted, status: 200)
        }
        await sink.write(OpenAIStreamFrames.done)
    }

    /// Google's `{"error":…}` event in the middle of a stream.
    static func midStreamError(_ error: JSONValue) -> GatewayError {
        let upstreamMessage = KeyRedactor.redact(error["message"]?.stringValue ?? "")
        var failure = GatewayError.streamInterrupted("Google sent an error event mid-stream: \(upstreamMessage)")
        if !upstreamMessage.isEmpty {
            failure.message = "Google stopped the answer with an error (\(upstreamMessage)); what arrived so far is partial. Try again."
        }
        return failure
    }

    // MARK: Fake streaming

    /// Calls Google without streaming; until the answer is there, sends an empty chunk every
    /// `interval` (the first one commits the 200, so a failure before it is still a plain HTTP
    /// error); then the whole answer as chunks.
    func fakeStream(into sink: StreamSink, interval: Duration) async {
        var translator = ChatStreamTranslator(options: plan.response, includeUsage: plan.includeUsage)
        let keepAlive = OpenAIStreamFrames.data(translator.keepAliveChunk())
        let dispatcher = services.dispatcher
        let call = self.call
        let outcome: Result<JSONValue, GatewayError> = await withTaskGroup(of: Void.self) { group in
            group.addTask {
                while true {
                    do { try await Task.sleep(for: interval) } catch { return }
                    await sink.write(keepAlive)
                }
            }
            defer { group.cancelAll() }
            do throws(GatewayError) {
                let response = try await dispatcher.send(call)
                return .success(try await UpstreamAnswer.json(response))
            } catch {
                return .failure(error)
            }
        }
        if Task.isCancelled { return }
        switch outcome {
        case .failure(let error):
            // Before the first keep-alive this becomes the HTTP error; after, an error event.
            await sink.fail(error)
        case .success(let answer):
            for chunk in translator.translateComplete(answer) {
                await sink.write(OpenAIStreamFrames.data(chunk))
            }
            services.thoughtSignatures.store(translator.thoughtSignatures)
        }
        await sink.write(OpenAIStreamFrames.done)
    }
}
