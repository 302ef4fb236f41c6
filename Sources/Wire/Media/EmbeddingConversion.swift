import Foundation

/// What the gateway needs to call `batchEmbedContents` for an OpenAI `embeddings` request.
public struct EmbeddingPlan: Sendable, Equatable {
    public enum Encoding: String, Sendable, Equatable {
        case float
        /// Little-endian float32 bytes in base64: the OpenAI Python SDK's default, which it decodes.
        case base64
    }

    /// The model as the client sent it (echoed in the answer).
    public let requestedModel: String
    /// The upstream model, without `models/`: call `models/{model}:batchEmbedContents`.
    public let model: String
    /// The `batchEmbedContents` bodies, one call each, in order: Google takes at most
    /// `EmbeddingConversion.batchSize` inputs per call.
    public let batches: [JSONValue]
    public let encoding: Encoding
}

/// OpenAI `embeddings` ⇄ Gemini `batchEmbedContents`.
public enum EmbeddingConversion {
    /// Inputs per `batchEmbedContents` call: Google refuses more ("at most 100 requests can be
    /// in one batch").
    public static let batchSize = 100
    /// Inputs per OpenAI request, as OpenAI allows.
    public static let maxInputs = 2048

    /// Reads `{input, model, dimensions?, encoding_format?}`. `input` is a string or a list of
    /// up to `maxInputs` strings; token arrays cannot be sent to Gemini (it has no tokenizer
    /// endpoint that takes OpenAI token ids) and are refused with a message saying so.
    public static func plan(for request: JSONValue) throws(ConversionError) -> EmbeddingPlan {
        guard let requested = request["model"]?.stringValue?.trimmingSpaces, !requested.isEmpty else {
            throw ConversionError.invalid("model", "a model id is required.")
        }
        let model = try ModelID.validated(requested)
        let texts = try inputs(request["input"])
        guard texts.count <= maxInputs else {
            throw ConversionError.invalid(
                "input", "at most \(maxInputs) inputs can be embedded in one request; \(texts.count) were sent. Split them over several requests.")
        }
        var dimensions: Int?
        if let value = request.present("dimensions") {
            guard let number = value.intValue, number > 0 else {
                throw ConversionError.invalid("dimensions", "dimensions must be a positive integer.")
            }
            dimensions = number
        }
        let encoding: EmbeddingPlan.Encoding
        switch request["encoding_format"]?.stringValue ?? "float" {
        case "float": encoding = .float
        case "base64": encoding = .base64
        case let other:
            throw ConversionError.invalid("encoding_format", "'\(other)' is not an encoding format (float or base64).")
        }
        let requests: [JSONValue] = texts.map { text in
            var item: [String: JSONValue] = [
                "model": .string("models/" + model),
                "content": ["parts": [["text": .string(text)]]],
            ]
            if let dimensions { item["outputDimensionality"] = .int(Int64(dimensions)) }
            return .object(item)
        }
        let batches = stride(from: 0, to: requests.count, by: batchSize).map { start -> JSONValue in
            ["requests": .array(Array(requests[start..<min(start + batchSize, requests.count)]))]
        }
        return EmbeddingPlan(requestedModel: requested, model: model, batches: batches, encoding: encoding)
    }

    private static func inputs(_ input: JSONValue?) throws(ConversionError) -> [String] {
        switch input {
        case .string(let text)?:
            return [text]
        case .array(let items)? where !items.isEmpty:
            if items.allSatisfy({ $0.stringValue != nil }) { return items.compactMap(\.stringValue) }
            if items.allSatisfy({ $0.isNumber || $0.arrayValue != nil }) {
                throw ConversionError(
                    .unsupported,
                    "input: token arrays are not supported by Gemini embeddings; send the text instead.", param: "input")
            }
            throw ConversionError.invalid("input", "input must be a string or a list of strings.")
        default:
            throw ConversionError.invalid("input", "input must be a non-empty string or list of strings.")
        }
    }

    /// The OpenAI answer for Gemini's `{"embeddings":[{"values":[…]},…]}`, one per batch of the
    /// plan, in order: `{object:"list", data:[{object:"embedding", index, embedding}], model,
    /// usage}`, with `index` counting on across batches. The Gemini API reports no token counts,
    /// so usage is zero unless an answer carries `usageMetadata` (Vertex does), then the sum.
    public static func openAIResponse(from responses: [JSONValue], plan: EmbeddingPlan) throws(ConversionError) -> JSONValue {
        guard responses.count == plan.batches.count else {
            throw ConversionError(
                .upstreamResponse, "Expected \(plan.batches.count) upstream answers for the embeddings, got \(responses.count).")
        }
        var data: [JSONValue] = []
        var promptTokens: Int64 = 0
        var totalTokens: Int64 = 0
        for (batch, response) in zip(plan.batches, responses) {
            guard let embeddings = response["embeddings"]?.arrayValue else {
                throw ConversionError(.upstreamResponse, "The upstream answer has no embeddings.")
            }
            let expected = batch["requests"]?.arrayValue?.count ?? 0
            guard embeddings.count == expected else {
                throw ConversionError(
                    .upstreamResponse, "The upstream answer has \(embeddings.count) embeddings for \(expected) inputs.")
            }
            for embedding in embeddings {
                let values = (embedding["values"]?.arrayValue ?? []).compactMap(\.doubleValue)
                let encoded: JSONValue = switch plan.encoding {
                case .float: .array(values.map(JSONValue.double))
                case .base64: .string(Float32Base64.encode(values))
                }
                data.append(["object": "embedding", "index": .int(Int64(data.count)), "embedding": encoded])
            }
            if let usage = response["usageMetadata"] {
                let prompt = usage["promptTokenCount"]?.intValue ?? 0
                promptTokens += Int64(prompt)
                totalTokens += Int64(usage["totalTokenCount"]?.intValue ?? prompt)
            }
        }
        return [
            "object": "list",
            "data": .array(data),
            "model": .string(plan.requestedModel),
            "usage": ["prompt_tokens": .int(promptTokens), "total_tokens": .int(totalTokens)],
        ]
    }
}

/// Base64 of little-endian IEEE-754 float32 values, the form OpenAI uses for
/// `encoding_format: "base64"`.
public enum Float32Base64 {
    public static func encode(_ values: [Double]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 4)
        for value in values {
            let bits = Float(value).bitPattern.littleEndian
            withUnsafeBytes(of: bits) { bytes.append(contentsOf: $0) }
        }
        return Data(bytes).base64EncodedString()
    }

    /// The inverse, for tests and clients; nil when the text is not base64 of whole floats.
    public static func decode(_ text: String) -> [Float]? {
        guard let data = Data(base64Encoded: text), data.count % 4 == 0 else { return nil }
        return stride(from: 0, to: data.count, by: 4).map { offset in
            let bits = UInt32(data[offset]) | UInt32(data[offset + 1]) << 8 | UInt32(data[offset + 2]) << 16
                | UInt32(data[offset + 3]) << 24
            return Float(bitPattern: bits)
        }
    }
}
