import Foundation

/// What the gateway needs to call Imagen for an OpenAI `images/generations` request.
public struct ImageGenerationPlan: Sendable, Equatable {
    public enum ResponseFormat: String, Sendable, Equatable {
        case b64JSON = "b64_json"
        case url
    }

    /// The Imagen model: call `models/{model}:predict`.
    public let model: String
    /// The `:predict` body.
    public let body: JSONValue
    public let responseFormat: ResponseFormat
}

/// OpenAI `images/generations` ⇄ Imagen `:predict`.
public enum ImageGenerationConversion {
    /// OpenAI sizes → Imagen aspect ratios (Imagen offers 1:1, 3:4, 4:3, 9:16 and 16:9).
    /// 1536x1024 and 1024x1536 (gpt-image sizes, 3:2) take the nearest offered ratio.
    static let aspectRatios: [String: String] = [
        "256x256": "1:1", "512x512": "1:1", "1024x1024": "1:1", "2048x2048": "1:1",
        "1792x1024": "16:9", "1024x1792": "9:16",
        "1536x1024": "4:3", "1024x1536": "3:4",
        "1024x768": "4:3", "768x1024": "3:4", "1280x720": "16:9", "720x1280": "9:16",
        "1920x1080": "16:9", "1080x1920": "9:16",
    ]

    /// Reads `{prompt, n?, size?, response_format?, model?}`.
    ///
    /// - `model` is used when it names an Imagen model; anything else (`dall-e-3`) uses
    ///   `defaultModel` (`CREATE_IMAGE_MODEL`).
    /// - `n` is 1–4 (Imagen's `sampleCount`). gemini-balance's prompt markers `{n:2}` and
    ///   `{ratio:16:9}` are honoured and removed from the prompt, for clients configured for it.
    /// - `size` "auto" or absent leaves the ratio to Imagen (1:1); an unknown size is refused.
    public static func plan(for request: JSONValue, defaultModel: String) throws(ConversionError) -> ImageGenerationPlan {
        guard var prompt = request["prompt"]?.stringValue, !prompt.trimmingSpaces.isEmpty else {
            throw ConversionError.invalid("prompt", "a prompt is required.")
        }
        var count = 1
        var aspectRatio: String?
        if let marked = extractMarker("n", from: &prompt), let number = Int(marked) { count = number }
        if let marked = extractMarker("ratio", from: &prompt) { aspectRatio = marked }

        if let value = request.present("n") {
            guard let number = value.intValue else { throw ConversionError.invalid("n", "n must be an integer.") }
            count = number
        }
        guard (1...4).contains(count) else {
            throw ConversionError.invalid("n", "Imagen makes 1 to 4 images per request; \(count) was asked.")
        }
        if let size = request["size"]?.stringValue?.lowercased(), size != "auto" {
            guard let ratio = aspectRatios[size] else {
                throw ConversionError.invalid(
                    "size", "'\(size)' is not a supported size (1024x1024, 1792x1024, 1024x1792, 1536x1024, 1024x1536).")
            }
            aspectRatio = ratio
        }
        if let ratio = aspectRatio, !Set(aspectRatios.values).contains(ratio) {
            throw ConversionError.invalid("prompt", "'{ratio:\(ratio)}' is not an Imagen ratio (1:1, 3:4, 4:3, 9:16, 16:9).")
        }

        let format: ImageGenerationPlan.ResponseFormat
        switch request["response_format"]?.stringValue ?? "b64_json" {
        case "b64_json": format = .b64JSON
        case "url": format = .url
        case let other:
            throw ConversionError.invalid("response_format", "'\(other)' is not a response format (b64_json or url).")
        }

        let requestedModel = request["model"]?.stringValue.map(ModelVariant.strippingPrefix) ?? ""
        let model = try requestedModel.lowercased().hasPrefix("imagen")
            ? ModelID.validated(requestedModel) : ModelVariant.strippingPrefix(defaultModel)

        var parameters: [String: JSONValue] = ["sampleCount": .int(Int64(count)), "personGeneration": "allow_adult"]
        if let aspectRatio { parameters["aspectRatio"] = .string(aspectRatio) }
        let body: JSONValue = [
            "instances": [["prompt": .string(prompt.trimmingSpaces)]],
            "parameters": .object(parameters),
        ]
        return ImageGenerationPlan(model: model, body: body, responseFormat: format)
    }

    /// `{created, data:[{b64_json}]}` from Imagen's `{predictions:[{mimeType, bytesBase64Encoded}]}`.
    /// With `response_format: "url"` each image is a `data:` URL in `url` (this gateway hosts no
    /// files; the gateway may swap in an uploaded URL).
    public static func openAIResponse(
        from response: JSONValue, plan: ImageGenerationPlan, created: Int = Int(Date().timeIntervalSince1970)
    ) throws(ConversionError) -> JSONValue {
        let predictions = response["predictions"]?.arrayValue ?? []
        let images: [JSONValue] = predictions.compactMap { prediction in
            guard let data = prediction["bytesBase64Encoded"]?.stringValue, !data.isEmpty else { return nil }
            switch plan.responseFormat {
            case .b64JSON:
                var image: [String: JSONValue] = ["b64_json": .string(data)]
                if let revised = prediction["prompt"]?.stringValue { image["revised_prompt"] = .string(revised) }
                return .object(image)
            case .url:
                let mimeType = prediction["mimeType"]?.stringValue ?? "image/png"
                return ["url": .string("data:\(mimeType);base64,\(data)")]
            }
        }
        guard !images.isEmpty else {
            let reason = predictions.first?["raiFilteredReason"]?.stringValue
            throw ConversionError(
                .upstreamResponse,
                "Imagen returned no image" + (reason.map { ": \($0)" } ?? " (the prompt may have been filtered)."))
        }
        return ["created": .int(Int64(created)), "data": .array(images)]
    }

    /// Removes `{name:value}` from the prompt and returns the value.
    static func extractMarker(_ name: String, from prompt: inout String) -> String? {
        guard let start = prompt.range(of: "{\(name):"),
            let end = prompt[start.upperBound...].firstIndex(of: "}")
        else { return nil }
        let value = String(prompt[start.upperBound..<end]).trimmingSpaces
        prompt.removeSubrange(start.lowerBound...end)
        return value
    }
}
