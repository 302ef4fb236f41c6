import Testing
@testable import Wire

@Suite("Upstream SSE parsing")
struct SSEParserTests {
    static let events = [#"{"candidates":[{"content":{"parts":[{"text":"Hé 😀"}]}}]}"#, #"{"a":2}"#, #"{"b":"x\ny"}"#]

    private func stream(_ delimiter: String) -> [UInt8] {
        Array(Self.events.map { "data: \($0)\(delimiter)" }.joined().utf8)
    }

    @Test(arguments: ["\n\n", "\r\r", "\r\n\r\n"])
    func everyDelimiter(delimiter: String) {
        var parser = SSEParser()
        #expect(parser.feed(stream(delimiter)) == Self.events)
        #expect(parser.finish().isEmpty)
    }

    @Test(arguments: ["\n\n", "\r\r", "\r\n\r\n"])
    func splitAtEveryByte(delimiter: String) {
        let bytes = stream(delimiter)
        for split in 0...bytes.count {
            var parser = SSEParser()
            let payloads = parser.feed(bytes[..<split]) + parser.feed(bytes[split...]) + parser.finish()
            #expect(payloads == Self.events, "split at \(split)")
        }
    }

    @Test func oneByteAtATime() {
        let bytes = stream("\r\n\r\n")
        var parser = SSEParser()
        var payloads: [String] = []
        for byte in bytes { payloads += parser.feed([byte]) }
        #expect(payloads == Self.events)
    }

    @Test func randomChunkingIsStable() {
        var generator = SystemRandomNumberGenerator()
        let bytes = stream("\r\n\r\n") + stream("\n\n")
        for _ in 0..<200 {
            var parser = SSEParser()
            var payloads: [String] = []
            var position = 0
            while position < bytes.count {
                let size = Int.random(in: 1...17, using: &generator)
                let end = min(bytes.count, position + size)
                payloads += parser.feed(bytes[position..<end])
                position = end
            }
            #expect(payloads == Self.events + Self.events)
        }
    }

    @Test func multiLineDataCommentsAndOtherFields() {
        var parser = SSEParser()
        let text = ": keep-alive\n\nevent: message\nid: 7\ndata: {\"a\":\ndata:1}\nretry: 100\n\ndata\n\n:only a comment\n\n"
        #expect(parser.feed(Array(text.utf8)) == ["{\"a\":\n1}", ""])
    }

    @Test func unterminatedLastEventIsReturnedByFinish() {
        var parser = SSEParser()
        #expect(parser.feed(Array("data: {\"x\":1}".utf8)).isEmpty)
        #expect(parser.finish() == ["{\"x\":1}"])
    }

    @Test func errorFrames() {
        #expect(GeminiErrorFrame.isError(#"{"error":{"code":500,"message":"Internal error","status":"INTERNAL"}}"#))
        #expect(GeminiErrorFrame.isError(#"[{"error":{"code":429,"message":"quota","status":"RESOURCE_EXHAUSTED"}}]"#))
        #expect(!GeminiErrorFrame.isError(#"{"candidates":[{"content":{"parts":[{"text":"\"error\""}]}}]}"#))
        #expect(!GeminiErrorFrame.isError("not json"))
        #expect(GeminiErrorFrame.error(in: ["error": ["code": 503]]) == ["code": 503])
    }
}
