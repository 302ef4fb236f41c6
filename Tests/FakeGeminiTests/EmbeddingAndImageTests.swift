import FakeGemini
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Embeddings and Imagen")
struct EmbeddingAndImageTests {
    static func embed(_ model: String) -> String {
        "/v1beta/models/\(model):embedContent?key=AIzaValid"
    }

    static func values(_ json: JSON) -> [Double] {
        json["embedding"]["values"].array.compactMap(\.double)
    }

    @Test("embedContent: the model's dimension, or outputDimensionality; same text, same vector")
    func embedContent() async throws {
        try await withFake { _, client in
            let body = #"{"content": {"parts": [{"text": "hello world"}]}}"#
            let small = Self.values(try await client.post(Self.embed("text-embedding-004"), body).json)
            #expect(small.count == 768)
            let large = Self.values(try await client.post(Self.embed("gemini-embedding-001"), body).json)
            #expect(large.count == 3072)
            let truncated = Self.values(try await client.post(Self.embed("gemini-embedding-001"),
                #"{"content": {"parts": [{"text": "hello world"}]}, "output_dimensionality": 256}"#).json)
            #expect(truncated.count == 256)
            #expect(Array(large.prefix(256)) == truncated)
            let again = Self.values(try await client.post(Self.embed("text-embedding-004"), body).json)
            #expect(again == small)
            let other = Self.values(try await client.post(Self.embed("text-embedding-004"), #"{"content": {"parts": [{"text": "bye"}]}}"#).json)
            #expect(other != small)
        }
    }

    @Test("batchEmbedContents: one vector per request; each item must name the model")
    func batch() async throws {
        try await withFake { _, client in
            let uri = "/v1beta/models/text-embedding-004:batchEmbedContents?key=AIzaValid"
            let ok = try await client.post(uri, #"{"requests": [{"model": "models/text-embedding-004", "content": {"parts": [{"text": "a"}]}}, {"model": "models/text-embedding-004", "content": {"parts": [{"text": "b"}]}, "outputDimensionality": 8}]}"#)
            #expect(ok.status == .ok)
            let embeddings = ok.json["embeddings"].array
            #expect(embeddings.map { $0["values"].array.count } == [768, 8])
            let missingModel = try await client.post(uri, #"{"requests": [{"content": {"parts": [{"text": "a"}]}}]}"#)
            #expect(missingModel.status == .badRequest)
            #expect(missingModel.json["error"]["message"].string?.contains("requests[0].model") == true)
        }
    }

    @Test("batchEmbedContents: more than 100 requests is Google's 400")
    func batchOverTheLimit() async throws {
        try await withFake { _, client in
            let uri = "/v1beta/models/text-embedding-004:batchEmbedContents?key=AIzaValid"
            func body(_ count: Int) -> String {
                let item = #"{"model": "models/text-embedding-004", "content": {"parts": [{"text": "a"}]}}"#
                return #"{"requests": ["# + Array(repeating: item, count: count).joined(separator: ",") + "]}"
            }
            #expect(try await client.post(uri, body(100)).status == .ok)
            let over = try await client.post(uri, body(101))
            #expect(over.status == .badRequest)
            #expect(over.json["error"]["status"].string == "INVALID_ARGUMENT")
            #expect(over.json["error"]["message"].string
                == "* BatchEmbedContentsRequest.requests: at most 100 requests can be in one batch\n")
        }
    }

    @Test("embedContent on a chat model is 404")
    func embedOnChatModel() async throws {
        try await withFake { _, client in
            let response = try await client.post(Self.embed("gemini-2.5-flash"), #"{"content": {"parts": [{"text": "x"}]}}"#)
            #expect(response.status == .notFound)
        }
    }

    @Test(":predict returns sampleCount decodable PNGs")
    func predict() async throws {
        try await withFake { _, client in
            let response = try await client.post("/v1beta/models/imagen-3.0-generate-002:predict?key=AIzaValid",
                #"{"instances": [{"prompt": "a lighthouse"}], "parameters": {"sampleCount": 2, "aspectRatio": "1:1"}}"#)
            #expect(response.status == .ok)
            let predictions = response.json["predictions"].array
            #expect(predictions.count == 2)
            var images: [Data] = []
            for prediction in predictions {
                #expect(prediction["mimeType"].string == "image/png")
                let data = try #require(Data(base64Encoded: prediction["bytesBase64Encoded"].string ?? ""))
                let image = try PNGCheck.validate(Array(data))
                #expect(image.width == 32 && image.height == 32)
                #expect(image.chunkTypes == ["IHDR", "IDAT", "IEND"])
                images.append(data)
            }
            #expect(images[0] != images[1])
            let tooMany = try await client.post("/v1beta/models/imagen-3.0-generate-002:predict?key=AIzaValid",
                #"{"instances": [{"prompt": "x"}], "parameters": {"sampleCount": 9}}"#)
            #expect(tooMany.status == .badRequest)
        }
    }
}
