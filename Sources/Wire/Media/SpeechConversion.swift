import Foundation

/// What the gateway needs to call a Gemini TTS model for an OpenAI `audio/speech` request.
public struct SpeechPlan: Sendable, Equatable {
    public enum OutputFormat: String, Sendable, Equatable {
        /// A RIFF/WAVE file (`audio/wav`).
        case wav
        /// The raw 16-bit little-endian mono samples (`audio/pcm`).
        case pcm

        /// The `Content-Type` of the answer.
        public var contentType: String { self == .wav ? "audio/wav" : "audio/pcm" }
    }

    /// The TTS model: call `models/{model}:generateContent`.
    public let model: String
    /// The `generateContent` body.
    public let body: JSONValue
    /// What to send back. Gemini produces PCM only and this gateway has no encoder, so `mp3`,
    /// `opus`, `aac` and `flac` requests get `wav` (every OpenAI client plays it; the
    /// `Content-Type` says what it is).
    public let output: OutputFormat
    /// The Gemini voice chosen.
    public let voice: String
}

/// OpenAI `audio/speech` ⇄ Gemini TTS (`responseModalities: ["AUDIO"]`).
public enum SpeechConversion {
    /// Gemini's prebuilt voices.
    public static let geminiVoices: [String] = [
        "Zephyr", "Puck", "Charon", "Kore", "Fenrir", "Leda", "Orus", "Aoede", "Callirrhoe", "Autonoe",
        "Enceladus", "Iapetus", "Umbriel", "Algieba", "Despina", "Erinome", "Algenib", "Rasalgethi",
        "Laomedeia", "Achernar", "Alnilam", "Schedar", "Gacrux", "Pulcherrima", "Achird", "Zubenelgenubi",
        "Vindemiatrix", "Sadachbia", "Sadaltager", "Sulafat",
    ]

    /// OpenAI voices → the Gemini voice closest in register and character (gemini-balance sent
    /// every OpenAI name to the default voice, so all six sounded the same).
    public static let openAIVoices: [String: String] = [
        "alloy": "Kore", "ash": "Enceladus", "ballad": "Algieba", "coral": "Sulafat", "echo": "Charon",
        "fable": "Puck", "onyx": "Orus", "nova": "Aoede", "sage": "Schedar", "shimmer": "Despina",
        "verse": "Fenrir", "marin": "Achernar", "cedar": "Algenib",
    ]

    /// Reads `{model, input, voice, response_format?, speed?, instructions?}`.
    ///
    /// - `model` is used when it names a Gemini TTS model (`gemini-…-tts`); `tts-1` and the like
    ///   use `defaultModel` (`TTS_MODEL`).
    /// - `voice`: an OpenAI name maps through `openAIVoices`, a Gemini name (any case) passes,
    ///   anything else uses `defaultVoice` (`TTS_VOICE_NAME`).
    /// - Gemini TTS takes speaking style from the text itself, so `speed` (below 0.9 slow, above
    ///   1.1 fast; else `defaultSpeed`, i.e. `TTS_SPEED`) and `instructions` become a short lead-in
    ///   ("Speak at a slow pace: …"); at normal speed with no instructions the text is sent as is.
    public static func plan(
        for request: JSONValue, defaultModel: String, defaultVoice: String, defaultSpeed: String = "normal"
    ) throws(ConversionError) -> SpeechPlan {
        guard let input = request["input"]?.stringValue, !input.trimmingSpaces.isEmpty else {
            throw ConversionError.invalid("input", "the text to speak is required.")
        }
        let requestedModel = request["model"]?.stringValue.map(ModelVariant.strippingPrefix) ?? ""
        let isGeminiTTS = requestedModel.lowercased().hasPrefix("gemini") && requestedModel.lowercased().contains("tts")
        let model = try isGeminiTTS ? ModelID.validated(requestedModel) : ModelVariant.strippingPrefix(defaultModel)
        let voice = resolveVoice(request["voice"]?.stringValue, defaultVoice: defaultVoice)

        let output: SpeechPlan.OutputFormat = request["response_format"]?.stringValue?.lowercased() == "pcm" ? .pcm : .wav

        var pace = defaultSpeed.lowercased()
        if let speed = request.present("speed") {
            guard let value = speed.doubleValue, value > 0 else {
                throw ConversionError.invalid("speed", "speed must be a positive number (0.25 to 4.0).")
            }
            pace = value < 0.9 ? "slow" : (value > 1.1 ? "fast" : "normal")
        }
        var directions: [String] = []
        if let instructions = request["instructions"]?.stringValue?.trimmingSpaces, !instructions.isEmpty {
            directions.append(instructions)
        }
        if pace == "slow" || pace == "fast" { directions.append("Speak at a \(pace) pace") }
        let text = directions.isEmpty ? input : directions.joined(separator: ". ") + ": " + input

        let body: JSONValue = [
            "contents": [["role": "user", "parts": [["text": .string(text)]]]],
            "generationConfig": [
                "responseModalities": ["AUDIO"],
                "speechConfig": ["voiceConfig": ["prebuiltVoiceConfig": ["voiceName": .string(voice)]]],
            ],
        ]
        return SpeechPlan(model: model, body: body, output: output, voice: voice)
    }

    static func resolveVoice(_ requested: String?, defaultVoice: String) -> String {
        guard let requested = requested?.trimmingSpaces.lowercased(), !requested.isEmpty else { return defaultVoice }
        if let gemini = geminiVoices.first(where: { $0.lowercased() == requested }) { return gemini }
        return openAIVoices[requested] ?? defaultVoice
    }

    /// The audio bytes to send for a Gemini TTS answer: a WAV file, or the raw PCM.
    ///
    /// - Throws: `.upstreamResponse` when the answer holds no audio (gemini-balance answered an
    ///   empty 200).
    public static func audio(from response: JSONValue, plan: SpeechPlan) throws(ConversionError) -> [UInt8] {
        let parts = response["candidates"]?[0]?.value(at: "content", "parts")?.arrayValue ?? []
        var pcm: [UInt8] = []
        var sampleRate = 24000
        for part in parts {
            guard let blob = part["inlineData"], let data = blob["data"]?.stringValue,
                let mimeType = blob["mimeType"]?.stringValue, mimeType.lowercased().hasPrefix("audio/")
            else { continue }
            guard let bytes = Data(base64Encoded: data) else {
                throw ConversionError(.upstreamResponse, "The upstream audio is not valid base64.")
            }
            sampleRate = PCMAudio.sampleRate(fromMimeType: mimeType) ?? sampleRate
            pcm.append(contentsOf: bytes)
        }
        guard !pcm.isEmpty else {
            let reason = response["candidates"]?[0]?["finishReason"]?.stringValue
                ?? response.value(at: "promptFeedback", "blockReason")?.stringValue
            throw ConversionError(
                .upstreamResponse, "The speech model returned no audio" + (reason.map { " (\($0))." } ?? "."))
        }
        return plan.output == .pcm ? pcm : PCMAudio.wav(pcm: pcm, sampleRate: sampleRate)
    }
}

/// 16-bit mono PCM helpers.
public enum PCMAudio {
    /// `audio/L16;codec=pcm;rate=24000` → 24000.
    public static func sampleRate(fromMimeType mimeType: String) -> Int? {
        for parameter in mimeType.split(separator: ";") {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "rate", let rate = Int(pair[1]), rate > 0 { return rate }
        }
        return nil
    }

    /// A WAV file: the 44-byte RIFF header for 16-bit little-endian mono at `sampleRate`, then
    /// the samples.
    public static func wav(pcm: [UInt8], sampleRate: Int, channels: Int = 1, bitsPerSample: Int = 16) -> [UInt8] {
        let blockAlign = channels * bitsPerSample / 8
        let byteRate = sampleRate * blockAlign
        var header: [UInt8] = []
        header.reserveCapacity(44 + pcm.count)
        func append32(_ value: Int) { withUnsafeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian) { header.append(contentsOf: $0) } }
        func append16(_ value: Int) { withUnsafeBytes(of: UInt16(truncatingIfNeeded: value).littleEndian) { header.append(contentsOf: $0) } }
        header.append(contentsOf: Array("RIFF".utf8))
        append32(36 + pcm.count)
        header.append(contentsOf: Array("WAVE".utf8))
        header.append(contentsOf: Array("fmt ".utf8))
        append32(16)  // fmt chunk size
        append16(1)  // PCM
        append16(channels)
        append32(sampleRate)
        append32(byteRate)
        append16(blockAlign)
        append16(bitsPerSample)
        header.append(contentsOf: Array("data".utf8))
        append32(pcm.count)
        return header + pcm
    }
}
