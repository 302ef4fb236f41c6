import AsyncHTTPClient
import FakeGemini
import Foundation
import NIOCore
import Testing

@Suite("Streaming over a real connection")
struct StreamingTests {
    static func stream(_ model: String = "gemini-2.5-flash", key: String = "AIzaValid", sse: Bool = true) -> String {
        "/v1beta/models/\(model):streamGenerateContent?\(sse ? "alt=sse&" : "")key=\(key)"
    }

    /// Splits an SSE body on the CRLF blank line, checking each event is one `data: ` line.
    static func sseEvents(_ body: String) -> [JSON] {
        var events = body.components(separatedBy: "\r\n\r\n")
        #expect(events.last == "")
        events.removeLast()
        return events.map { event in
            #expect(event.hasPrefix("data: "))
            #expect(!event.contains("\n"))
            return JSON(parsing: String(event.dropFirst("data: ".count)))
        }
    }

    @Test("alt=sse: CRLF frames, finishReason only last, cumulative usage, no [DONE]")
    func sseFraming() async throws {
        try await withLiveFake { _, live in
            let (response, body) = try await live.send(Self.stream(), body: chatBody("tell me something long"))
            #expect(response.status == .ok)
            #expect(response.headers.first(name: "content-type") == "text/event-stream")
            #expect(response.headers.first(name: "content-disposition") == "attachment")
            #expect(!body.contains("[DONE]"))
            let events = Self.sseEvents(body)
            #expect(events.count == 3)
            let finishReasons = events.map { $0["candidates"][0]["finishReason"].string }
            #expect(finishReasons == [nil, nil, "STOP"])
            let text = events.map { $0["candidates"][0]["content"]["parts"][0]["text"].string ?? "" }.joined()
            #expect(text == "Echo: tell me something long")
            let candidateCounts = events.map { $0["usageMetadata"]["candidatesTokenCount"].int ?? 0 }
            #expect(candidateCounts == candidateCounts.sorted())
            let last = events[2]["usageMetadata"]
            #expect(last["candidatesTokenCount"].int == 5)
            #expect(last["totalTokenCount"].int == (last["promptTokenCount"].int ?? 0) + 5 + (last["thoughtsTokenCount"].int ?? 0))
            #expect(Set(events.compactMap { $0["responseId"].string }).count == 1)
        }
    }

    @Test("Google's JSON spelling: ': ' but no space after ',' in frames, HTML characters escaped")
    func googleSpelling() async throws {
        try await withLiveFake { _, live in
            let (_, body) = try await live.send(Self.stream("gemini-2.0-flash"), body: chatBody("<b>"))
            #expect(body.hasPrefix(#"data: {"candidates": [{"content": {"parts": [{"text": "Ech"}],"role": "model"}}],"usageMetadata": {"#))
            #expect(body.contains(#"],"role": "model"}"#))
            #expect(body.contains(#"\u003cb\u003e"#))
            #expect(!body.contains("<b>"))
        }
    }

    @Test("without alt: one JSON array streamed with \\n,\\r\\n separators")
    func arrayFraming() async throws {
        try await withLiveFake { _, live in
            let (response, body) = try await live.send(Self.stream(sse: false), body: chatBody("hi"))
            #expect(response.status == .ok)
            #expect(body.hasPrefix("[{\n  \"candidates\""))
            #expect(body.hasSuffix("}\n]"))
            #expect(body.components(separatedBy: "\n,\r\n").count == 3)
            let array = JSON(parsing: body).array
            #expect(array.count == 3)
            #expect(array[2]["candidates"][0]["finishReason"].string == "STOP")
        }
    }

    @Test("slow keys: the first frame waits, later frames are spaced, the event count is scripted")
    func slowStream() async throws {
        try await withLiveFake({ $0.script("AIzaSlow", .slow(firstEventDelayMs: 200, eventIntervalMs: 50, events: 5)) }) { _, live in
            let start = ContinuousClock.now
            let (_, body) = try await live.send(Self.stream(key: "AIzaSlow"), body: chatBody("hello there"))
            #expect(ContinuousClock.now - start >= .milliseconds(200 + 4 * 50 - 20))
            let events = Self.sseEvents(body)
            #expect(events.count == 5)
            #expect(events.map { $0["candidates"][0]["content"]["parts"][0]["text"].string ?? "" }.joined() == "Echo: hello there")
        }
    }

    @Test("errors before the first byte: pretty JSON with text/event-stream (sse) or wrapped in an array")
    func streamErrors() async throws {
        try await withLiveFake({ $0.script("AIzaQuota", .quotaPerMinute(retryDelaySeconds: 7)) }) { _, live in
            let (sse, sseBody) = try await live.send(Self.stream(key: "AIzaQuota"), body: chatBody("hi"))
            #expect(sse.status.code == 429)
            #expect(sse.headers.first(name: "content-type") == "text/event-stream")
            #expect(sseBody.hasPrefix("{\n  \"error\": {\n    \"code\": 429,"))
            #expect(JSON(parsing: sseBody)["error"]["status"].string == "RESOURCE_EXHAUSTED")

            let (array, arrayBody) = try await live.send(Self.stream(key: "AIzaQuota", sse: false), body: chatBody("hi"))
            #expect(array.status.code == 429)
            #expect(array.headers.first(name: "content-type") == "application/json; charset=UTF-8")
            #expect(arrayBody.hasPrefix("[{\n  \"error\""))
            #expect(JSON(parsing: arrayBody)[0]["error"]["code"].int == 429)
        }
    }

    @Test("midStreamError: frames, then a data: {\"error\"} frame with a 500")
    func midStreamError() async throws {
        try await withLiveFake({ $0.script("AIzaMid", .midStreamError(afterEvents: 2)) }) { fake, live in
            let (response, body) = try await live.send(Self.stream(key: "AIzaMid"), body: chatBody("one two three four"))
            #expect(response.status == .ok)
            let events = Self.sseEvents(body)
            #expect(events.count == 3)
            #expect(events[0]["candidates"].exists && events[1]["candidates"].exists)
            #expect(events.allSatisfy { $0["candidates"][0]["finishReason"].string == nil })
            #expect(events[2]["error"]["code"].int == 500)
            #expect(events[2]["error"]["status"].string == "INTERNAL")
            #expect(fake.requests().last?.eventsSent == 2)
            // Plain calls with this key succeed.
            #expect(try await live.send("/v1beta/models/gemini-2.5-flash:generateContent?key=AIzaMid", body: chatBody("x")).0.status == .ok)
        }
    }

    @Test("streamCut: frames, then the connection drops with no finishReason")
    func streamCut() async throws {
        try await withLiveFake({ $0.script("AIzaCut", .streamCut(afterEvents: 2)) }) { fake, live in
            let response = try await HTTPClient.shared.execute(live.request(Self.stream(key: "AIzaCut"), body: chatBody("one two three")), timeout: .seconds(10))
            #expect(response.status == .ok)
            var received = ""
            var failed = false
            do {
                for try await chunk in response.body { received += String(buffer: chunk) }
            } catch {
                failed = true
            }
            #expect(failed, "the body must end with a transport error, not a clean end")
            #expect(!received.contains("finishReason"))
            #expect(received.components(separatedBy: "\r\n\r\n").filter { $0.hasPrefix("data: ") }.count == 2)
            #expect(received.hasSuffix("\r\n\r\n"))
            let record = try #require(fake.requests().last)
            #expect(record.streamAborted)
            #expect(record.eventsSent == 2)
        }
    }

    @Test("a client that goes away mid-stream is recorded as disconnected")
    func clientDisconnect() async throws {
        try await withLiveFake({ $0.script("AIzaLong", .slow(firstEventDelayMs: 0, eventIntervalMs: 40, events: 40)) }) { fake, live in
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            do {
                let response = try await client.execute(live.request(Self.stream(key: "AIzaLong"), body: chatBody("hi")), timeout: .seconds(10))
                var iterator = response.body.makeAsyncIterator()
                _ = try await iterator.next()
            }
            // Closing the client drops its connection while the fake is still writing.
            try await client.shutdown()
            let disconnected = try await eventually { fake.requests().last?.clientDisconnected == true }
            #expect(disconnected)
            let record = try #require(fake.requests().last)
            #expect(record.eventsSent < 40)
            #expect(!record.streamAborted)
        }
    }

    /// Hummingbird allows half-closed connections, so a hang-up reaches the fake only as the end
    /// of its input; the fake must still notice it while it is silent.
    @Test("a client that hangs up while a slow answer is pending ends the wait and is recorded", arguments: [false, true])
    func hangUpDuringFirstWait(stream: Bool) async throws {
        try await withLiveFake({ $0.script("AIzaSlow", .slow(firstEventDelayMs: 20_000)) }) { fake, live in
            let path = stream ? Self.stream(key: "AIzaSlow") : "/v1beta/models/gemini-2.5-flash:generateContent?key=AIzaSlow"
            let call = Task { try await HTTPClient.shared.execute(live.request(path, body: chatBody("hi")), timeout: .seconds(30)) }
            let recorded = try await eventually { fake.requests().count == 1 }
            #expect(recorded, "the call is recorded when it arrives, before its wait")
            call.cancel()
            _ = await call.result
            let noticed = try await eventually(timeout: .seconds(2)) { fake.requests().first?.clientDisconnected == true }
            #expect(noticed)
        }
    }
}
