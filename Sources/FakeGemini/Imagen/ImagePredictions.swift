import Wire

/// Imagen `:predict` (wire reference §2.8): `sampleCount` PNGs for the prompt, 4 by default.
enum ImagePredictions {
    static func predict(_ body: JSONValue) throws(GoogleError) -> [OrderedJSON] {
        guard let instances = body["instances"]?.arrayValue, let prompt = instances.first?["prompt"]?.stringValue, !prompt.isEmpty else {
            throw GoogleErrorCatalog.invalidArgument("Invalid instances: missing prompt.")
        }
        let sampleCount = body["parameters"]?["sampleCount"]?.intValue ?? 4
        guard (1...4).contains(sampleCount) else {
            throw GoogleErrorCatalog.invalidArgument("sampleCount must be between 1 and 4, got \(sampleCount).")
        }
        return (0..<sampleCount).map { sample in
            ["mimeType": "image/png", "bytesBase64Encoded": .string(FakeMedia.pngBase64(prompt: prompt, sample: sample))]
        }
    }
}
