/// The numeric and list parameters that map one-to-one onto `generationConfig`.
///
/// Only what the client sent is forwarded: no default temperature, topP or topK is invented
/// (gemini-balance sent 0.7/0.9/40 when the client said nothing).
struct SamplingParameters {
    let request: JSONValue
    let family: GeminiModelFamily

    func generationFields() throws(ConversionError) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        if let value = try number("temperature") { fields["temperature"] = .number(value) }
        if let value = try number("top_p") { fields["topP"] = .number(value) }
        if let value = try number("top_k"), value > 0 { fields["topK"] = .int(try whole("top_k", value)) }
        // SillyTavern and KoboldAI-style clients send -1 for "random", which is Gemini's default.
        if let value = try number("seed"), value >= 0 { fields["seed"] = .int(try whole("seed", value)) }

        // max_completion_tokens is the current name; max_tokens the deprecated one. Values ≤ 0
        // (some clients send 0 for "unlimited") are left out.
        let maxCompletionTokens = try number("max_completion_tokens")
        let legacyMaxTokens = try number("max_tokens")
        let maxTokensName = maxCompletionTokens != nil ? "max_completion_tokens" : "max_tokens"
        if let maxTokens = maxCompletionTokens ?? legacyMaxTokens, maxTokens > 0 {
            fields["maxOutputTokens"] = .int(try whole(maxTokensName, maxTokens))
        }

        if let value = try number("n") {
            guard value >= 1 else { throw ConversionError.invalid("n", "n must be at least 1.") }
            fields["candidateCount"] = .int(try whole("n", value))
        }

        // Penalties: refused by Gemini 3; a zero (NextChat and others always send 0) means
        // "no penalty", which is also the default, so it is not sent either.
        if family.acceptsPenalties {
            if let value = try number("presence_penalty"), value != 0 { fields["presencePenalty"] = .number(value) }
            if let value = try number("frequency_penalty"), value != 0 { fields["frequencyPenalty"] = .number(value) }
        }

        if let stops = try stopSequences() { fields["stopSequences"] = stops }

        if let modalities = request.present("modalities") {
            guard let list = modalities.arrayValue?.compactMap(\.stringValue), !list.isEmpty else {
                throw ConversionError.invalid("modalities", "modalities must be a list such as [\"text\", \"image\"].")
            }
            fields["responseModalities"] = .array(list.map { .string($0.uppercased()) })
        }
        return fields
    }

    private func number(_ key: String) throws(ConversionError) -> Double? {
        guard let value = request.present(key) else { return nil }
        guard let number = value.doubleValue, number.isFinite else {
            throw ConversionError.invalid(key, "\(key) must be a number.")
        }
        return number
    }

    /// A number for one of Gemini's int32 fields, rounded. A value out of that range is refused
    /// here: Gemini would refuse it too, and converting a huge double with `Int64(_:)` traps.
    private func whole(_ key: String, _ value: Double) throws(ConversionError) -> Int64 {
        guard let integer = Int64(exactly: value.rounded()), integer <= Int64(Int32.max) else {
            throw ConversionError.invalid(key, "\(key) must be a whole number no larger than \(Int32.max); \(value) is out of range.")
        }
        return integer
    }

    /// A string or a list of strings; Gemini takes at most 5, so the rest are dropped.
    private func stopSequences() throws(ConversionError) -> JSONValue? {
        guard let stop = request.present("stop") else { return nil }
        let list: [String]
        switch stop {
        case .string(let text): list = [text]
        case .array(let items): list = items.compactMap(\.stringValue)
        default: throw ConversionError.invalid("stop", "stop must be a string or a list of strings.")
        }
        let kept = list.filter { !$0.isEmpty }.prefix(5)
        return kept.isEmpty ? nil : .array(kept.map(JSONValue.string))
    }
}
