import Foundation

/// The pictures and sound the fake "generates": deterministic from the prompt, small, and valid.
enum FakeMedia {
    static let imageSide = 32

    /// A 32×32 PNG whose colours are seeded from the prompt (and the sample number), base64-encoded.
    static func pngBase64(prompt: String, sample: Int = 0) -> String {
        Data(png(prompt: prompt, sample: sample)).base64EncodedString()
    }

    static func png(prompt: String, sample: Int = 0) -> [UInt8] {
        var generator = SeededGenerator(seed: StableHash.fnv1a("\(sample)|\(prompt)"))
        let base = (UInt8.random(in: 0...255, using: &generator), UInt8.random(in: 0...255, using: &generator),
                    UInt8.random(in: 0...255, using: &generator))
        // A diagonal gradient over a prompt-coloured base, so different prompts look different.
        return PNGEncoder.encode(width: imageSide, height: imageSide) { x, y in
            let shade = UInt8((x + y) * 255 / (2 * (imageSide - 1)))
            return (base.0 &+ shade, base.1, base.2 &+ UInt8(x * 4))
        }
    }

    static let audioMimeType = "audio/L16;codec=pcm;rate=24000"
    static let audioSampleRate = 24000
    static let audioSeconds = 0.25

    /// A quarter second of a 440 Hz sine, 16-bit little-endian mono PCM at 24 kHz, as the TTS models
    /// return it. The same for every request, so it is built once.
    static let toneBase64: String = {
        let count = Int(Double(audioSampleRate) * audioSeconds)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 2)
        for index in 0..<count {
            let sample = Int16(sin(2 * Double.pi * 440 * Double(index) / Double(audioSampleRate)) * 8000)
            let bits = UInt16(bitPattern: sample)
            bytes.append(UInt8(bits & 0xFF))
            bytes.append(UInt8(bits >> 8))
        }
        return Data(bytes).base64EncodedString()
    }()
}
