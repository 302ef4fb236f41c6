import AsyncHTTPClient
@testable import Gateway
import NIOCore
import Testing

/// The reader both OpenAI stream producers use, over upstream bodies cut at awkward places.
@Suite("Upstream SSE event reader")
struct UpstreamEventReaderTests {
    @Test func eventsSplitAcrossReadsComeOutWholeAndInOrder() async throws {
        let reads = ["data: {\"a\"", ":1}\n\ndata: {\"b\":2}\n", "\ndata: {\"c\":3}\n\n"]
        var reader = try await UpstreamEventReader.open(Self.response(reads))
        var payloads: [String] = []
        while let payload = try await reader.next() { payloads.append(payload) }
        #expect(payloads == [#"{"a":1}"#, #"{"b":2}"#, #"{"c":3}"#])
    }

    @Test func anEventWithoutItsBlankLineIsReadAtTheEnd() async throws {
        var reader = try await UpstreamEventReader.open(Self.response(["data: {\"a\":1}\n\ndata: {\"b\":2}"]))
        #expect(try await reader.next() == #"{"a":1}"#)
        #expect(try await reader.next() == #"{"b":2}"#)
        #expect(try await reader.next() == nil)
    }

    @Test func aStreamWithoutAnyEventIsRefusedAtOpening() async throws {
        await #expect(throws: UpstreamEventReader.EmptyUpstreamStream.self) {
            _ = try await UpstreamEventReader.open(Self.response([": keep-alive\n\n", "data:  \n\n"]))
        }
    }

    @Test func anErrorEventBeforeDataIsRefusedAtOpening() async throws {
        await #expect(throws: UpstreamEventReader.ErrorBeforeData.self) {
            let errorEvent = #"data: {"error": {"code": 500, "message": "x"}}"# + "\n\n"
            _ = try await UpstreamEventReader.open(Self.response([errorEvent]))
        }
    }

    @Test func aFailedReadAfterOpeningIsAnInterruptedStream() async throws {
        let body = AsyncThrowingStream<ByteBuffer, any Error> { continuation in
            continuation.yield(ByteBuffer(string: "data: {\"a\":1}\n\n"))
            continuation.finish(throwing: CancellationError())
        }
        var reader = try await UpstreamEventReader.open(HTTPClientResponse(body: .stream(body)))
        #expect(try await reader.next() == #"{"a":1}"#)
        await #expect(throws: GatewayError.self) { _ = try await reader.next() }
    }

    @Test func onceTheClientIsGoneOnlyTheFirstEventIsHandedOut() async throws {
        let response = Self.response(["data: {\"a\":1}\n\ndata: {\"b\":2}\n\n", "data: {\"c\":3}\n\n"])
        let payloads = try await Task {
            var reader = try await UpstreamEventReader.open(response)
            withUnsafeCurrentTask { $0?.cancel() }
            var payloads: [String] = []
            while let payload = try await reader.next() { payloads.append(payload) }
            return payloads
        }.value
        #expect(payloads == [#"{"a":1}"#])
    }

    /// A 200 whose body arrives in these reads.
    private static func response(_ chunks: [String]) -> HTTPClientResponse {
        let body = AsyncStream<ByteBuffer> { continuation in
            for chunk in chunks { continuation.yield(ByteBuffer(string: chunk)) }
            continuation.finish()
        }
        return HTTPClientResponse(body: .stream(body))
    }
}
