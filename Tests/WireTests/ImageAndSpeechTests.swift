import Foundation
import Testing
@testable import Wire

@Suite("Image generation and speech")
struct ImageAndSpeechTests {
    // MARK: Images

    @Test(arguments: [
        ("1024x1024", "1:1"), ("1792x1024", "16:9"), ("1024x1792", "9:16"), ("1536x1024", "4:3"), ("1024x1536", "3:4"),
    ])
    func sizesBecomeAspectRatios(size: String, ratio: String) throws {
        let plan = try ImageGenerationConversion.plan(
            for: ["prompt": "a cat", "n": 2, "size": .string(size), "model": "dall-e-3"], defaultModel: "imagen-3.0-generate-002")
        #expect(plan.model == "imagen-3.0-generate-002")
        #expect(plan.body == [
            "instances": [["prompt": "a cat"]],
            "parameters": ["sampleCount": 2, "aspectRatio": .string(ratio), "personGeneration": "allow_adult"],
        ])
    }

    @Test func imagenModelAndPromptMarkers() throws {
        let plan = try ImageGenerationConversion.plan(
            for: ["prompt": "a dog {n:3} {ratio:16:9} on a beach", "model": "models/imagen-4.0-generate-001"],
            defaultModel: "imagen-3.0-generate-002")
        #expect(plan.model == "imagen-4.0-generate-001")
        #expect(plan.body["instances"]?[0]?["prompt"] == "a dog   on a beach")
        #expect(plan.body["parameters"]?["sampleCount"] == 3)
        #expect(plan.body["parameters"]?["aspectRatio"] == "16:9")
    }

    @Test func imageRefusals() {
        for request: JSONValue in [
            ["prompt": "x", "size": "999x111"],
            ["prompt": "x", "n": 5],
            ["prompt": ""],
            ["prompt": "x", "response_format": "png"],
            ["prompt": "x {ratio:2:1}"],
        ] {
            #expect(throws: ConversionError.self, "\(request)") {
                try ImageGenerationConversion.plan(for: request, defaultModel: "imagen-3.0-generate-002")
            }
        }
    }

    @Test func predictionsBecomeOpenAIImages() throws {
        let b64 = try ImageGenerationConversion.plan(for: ["prompt": "x"], defaultModel: "imagen")
        let predictions: JSONValue = ["predictions": [["mimeType": "image/png", "bytesBase64Encoded": "iVBOR"], ["mimeType": "image/png"]]]
        #expect(try ImageGenerationConversion.openAIResponse(from: predictions, plan: b64, created: 5)
            == ["created": 5, "data": [["b64_json": "iVBOR"]]])
        let url = try ImageGenerationConversion.plan(for: ["prompt": "x", "response_format": "url"], defaultModel: "imagen")
        #expect(try ImageGenerationConversion.openAIResponse(from: predictions, plan: url, created: 5)
            == ["created": 5, "data": [["url": "data:image/png;base64,iVBOR"]]])
        #expect(throws: ConversionError.self) {
            try ImageGenerationConversion.openAIResponse(from: ["predictions": [["raiFilteredReason": "blocked"]]], plan: b64)
        }
    }

    // MARK: Speech

    @Test(arguments: [("alloy", "Kore"), ("onyx", "Orus"), ("nova", "Aoede"), ("puck", "Puck"), ("Zephyr", "Zephyr"), ("robot", "Leda"), ("", "Leda")])
    func voices(requested: String, voice: String) throws {
        let plan = try SpeechConversion.plan(
            for: ["model": "tts-1", "input": "Hello", "voice": .string(requested)], defaultModel: "gemini-2.5-flash-preview-tts",
            defaultVoice: "Leda")
        #expect(plan.voice == voice)
        #expect(plan.model == "gemini-2.5-flash-preview-tts")
        #expect(plan.body == [
            "contents": [["role": "user", "parts": [["text": "Hello"]]]],
            "generationConfig": [
                "responseModalities": ["AUDIO"],
                "speechConfig": ["voiceConfig": ["prebuiltVoiceConfig": ["voiceName": .string(voice)]]],
            ],
        ])
        #expect(GeminiRequestFields.unknownFields(in: plan.body).isEmpty)
    }

    @Test func speedInstructionsAndFormats() throws {
        let slow = try SpeechConversion.plan(
            for: ["model": "gemini-2.5-pro-preview-tts", "input": "Hi", "speed": 0.5, "instructions": "Sound cheerful", "response_format": "mp3"],
            defaultModel: "x-tts", defaultVoice: "Zephyr")
        #expect(slow.model == "gemini-2.5-pro-preview-tts")
        #expect(slow.body["contents"]?[0]?["parts"]?[0]?["text"] == "Sound cheerful. Speak at a slow pace: Hi")
        #expect(slow.output == .wav)
        let pcm = try SpeechConversion.plan(for: ["input": "Hi", "response_format": "pcm"], defaultModel: "x-tts", defaultVoice: "Zephyr", defaultSpeed: "fast")
        #expect(pcm.output == .pcm && pcm.output.contentType == "audio/pcm")
        #expect(pcm.body["contents"]?[0]?["parts"]?[0]?["text"] == "Speak at a fast pace: Hi")
        #expect(throws: ConversionError.self) { try SpeechConversion.plan(for: ["input": " "], defaultModel: "t", defaultVoice: "v") }
    }

    @Test func wavHeaderBytes() {
        let wav = PCMAudio.wav(pcm: [1, 2, 3, 4], sampleRate: 24000)
        #expect(wav.count == 48)
        #expect(Array(wav[0..<44]) == [
            0x52, 0x49, 0x46, 0x46, 0x28, 0x00, 0x00, 0x00, 0x57, 0x41, 0x56, 0x45,  // "RIFF", 36+4, "WAVE"
            0x66, 0x6D, 0x74, 0x20, 0x10, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,  // "fmt ", 16, PCM, mono
            0xC0, 0x5D, 0x00, 0x00, 0x80, 0xBB, 0x00, 0x00, 0x02, 0x00, 0x10, 0x00,  // 24000 Hz, 48000 B/s, align 2, 16 bit
            0x64, 0x61, 0x74, 0x61, 0x04, 0x00, 0x00, 0x00,  // "data", 4
        ])
        #expect(Array(wav[44...]) == [1, 2, 3, 4])
    }

    @Test func audioFromATTSAnswer() throws {
        let plan = try SpeechConversion.plan(for: ["input": "Hi"], defaultModel: "t-tts", defaultVoice: "Kore")
        let samples = Data([0x10, 0x00, 0xF0, 0xFF]).base64EncodedString()
        let answer: JSONValue = ["candidates": [["content": ["parts": [["inlineData": ["mimeType": "audio/L16;codec=pcm;rate=16000", "data": .string(samples)]]]]]]]
        let wav = try SpeechConversion.audio(from: answer, plan: plan)
        #expect(wav.count == 48)
        #expect(Array(wav[24..<28]) == [0x80, 0x3E, 0x00, 0x00])  // 16000 Hz from the mime type
        #expect(PCMAudio.sampleRate(fromMimeType: "audio/L16;codec=pcm;rate=24000") == 24000)
        do {
            _ = try SpeechConversion.audio(from: ["candidates": [["finishReason": "OTHER"]]], plan: plan)
            Issue.record("expected an error")
        } catch {
            #expect(error.cause == .upstreamResponse)
            #expect(error.message.contains("OTHER"))
        }
    }
}
