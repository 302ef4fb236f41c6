import Foundation
import Testing
@testable import Wire

@Suite("Embeddings")
struct EmbeddingConversionTests {
    @Test func requestForAListOfTexts() throws {
        let plan = try EmbeddingConversion.plan(for: [
            "model": "models/gemini-embedding-001", "input": ["a", "b"], "dimensions": 768, "encoding_format": "float",
        ])
        #expect(plan.model == "gemini-embedding-001")
        #expect(plan.encoding == .float)
        #expect(plan.batches == [["requests": [
            ["model": "models/gemini-embedding-001", "content": ["parts": [["text": "a"]]], "outputDimensionality": 768],
            ["model": "models/gemini-embedding-001", "content": ["parts": [["text": "b"]]], "outputDimensionality": 768],
        ]]])
    }

    @Test func singleStringAndDefaults() throws {
        let plan = try EmbeddingConversion.plan(for: ["model": "text-embedding-004", "input": "hello"])
        #expect(plan.encoding == .float)
        #expect(plan.batches.count == 1)
        #expect(plan.batches[0]["requests"]?.arrayValue?.count == 1)
        #expect(plan.batches[0]["requests"]?[0]?["outputDimensionality"] == nil)
    }

    @Test func refusals() {
        for request: JSONValue in [
            ["model": "m", "input": [1, 2, 3]],
            ["model": "m", "input": [[1, 2], [3]]],
            ["model": "m", "input": []],
            ["model": "m"],
            ["input": "x"],
            ["model": "m", "input": "x", "dimensions": 0],
            ["model": "m", "input": "x", "encoding_format": "int8"],
        ] {
            #expect(throws: ConversionError.self, "\(request)") { try EmbeddingConversion.plan(for: request) }
        }
        do {
            _ = try EmbeddingConversion.plan(for: ["model": "m", "input": [1, 2]])
        } catch {
            #expect(error.message.contains("token arrays"))
        }
    }

    @Test func floatResponse() throws {
        let plan = try EmbeddingConversion.plan(for: ["model": "text-embedding-004", "input": ["a", "b"]])
        let response = try EmbeddingConversion.openAIResponse(
            from: [["embeddings": [["values": [0.25, -1]], ["values": [0.5]]]]], plan: plan)
        #expect(response == [
            "object": "list",
            "data": [
                ["object": "embedding", "index": 0, "embedding": [0.25, -1.0]],
                ["object": "embedding", "index": 1, "embedding": [0.5]],
            ],
            "model": "text-embedding-004",
            "usage": ["prompt_tokens": 0, "total_tokens": 0],
        ])
    }

    @Test func base64ResponseIsLittleEndianFloat32() throws {
        let plan = try EmbeddingConversion.plan(for: ["model": "m", "input": "a", "encoding_format": "base64"])
        let response = try EmbeddingConversion.openAIResponse(from: [["embeddings": [["values": [1.0, -2.5, 0.1]]]]], plan: plan)
        let text = try #require(response["data"]?[0]?["embedding"]?.stringValue)
        // 1.0 = 0x3F800000, -2.5 = 0xC0200000, 0.1 ≈ 0x3DCCCCCD, little-endian.
        #expect(Data(base64Encoded: text) == Data([0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0, 0xCD, 0xCC, 0xCC, 0x3D]))
        #expect(Float32Base64.decode(text) == [1.0, -2.5, Float(0.1)])
    }

    @Test func missingEmbeddingsIsAnUpstreamError() throws {
        let plan = try EmbeddingConversion.plan(for: ["model": "m", "input": "a"])
        #expect(throws: ConversionError.self) { try EmbeddingConversion.openAIResponse(from: [["x": 1]], plan: plan) }
    }

    /// Google takes at most 100 inputs per batchEmbedContents call.
    @Test func moreThan100InputsGoOutInBatchesAndComeBackInOrder() throws {
        let texts = (0..<250).map { JSONValue.string("text \($0)") }
        let plan = try EmbeddingConversion.plan(for: ["model": "gemini-embedding-001", "input": .array(texts)])
        #expect(plan.batches.map { $0["requests"]?.arrayValue?.count } == [100, 100, 50])
        #expect(plan.batches[2]["requests"]?[49]?.value(at: "content", "parts")?[0]?["text"] == "text 249")
        let answers: [JSONValue] = plan.batches.enumerated().map { batch, body in
            let count = body["requests"]?.arrayValue?.count ?? 0
            var answer: [String: JSONValue] = [
                "embeddings": .array((0..<count).map { _ in ["values": [.double(Double(batch))]] }),
            ]
            if batch < 2 { answer["usageMetadata"] = ["promptTokenCount": 7, "totalTokenCount": 7] }
            return .object(answer)
        }
        let response = try EmbeddingConversion.openAIResponse(from: answers, plan: plan)
        let data = try #require(response["data"]?.arrayValue)
        #expect(data.compactMap { $0["index"]?.intValue } == Array(0..<250))
        #expect(data[99]["embedding"] == [0.0] && data[100]["embedding"] == [1.0] && data[249]["embedding"] == [2.0])
        #expect(response["usage"] == ["prompt_tokens": 14, "total_tokens": 14])
    }

    @Test func moreThan2048InputsAreRefused() {
        let texts = JSONValue.array(Array(repeating: "x", count: 2049))
        #expect(throws: ConversionError.invalid(
            "input", "at most 2048 inputs can be embedded in one request; 2049 were sent. Split them over several requests.")) {
            try EmbeddingConversion.plan(for: ["model": "gemini-embedding-001", "input": texts])
        }
        #expect((try? EmbeddingConversion.plan(for: ["model": "gemini-embedding-001", "input": .array(Array(repeating: "x", count: 2048))]))?
            .batches.count == 21)
    }

    @Test func anAnswerWithTheWrongNumberOfEmbeddingsIsAnUpstreamError() throws {
        let plan = try EmbeddingConversion.plan(for: ["model": "m", "input": ["a", "b"]])
        #expect(throws: ConversionError.self) {
            try EmbeddingConversion.openAIResponse(from: [["embeddings": [["values": [1.0]]]]], plan: plan)
        }
    }
}
