/// A hash that is the same in every process (Swift's `Hasher` is seeded per run), so vectors,
/// images, project numbers and ids derived from text are reproducible across runs and machines.
enum StableHash {
    /// FNV-1a, 64-bit.
    static func fnv1a(_ text: String, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// SplitMix64 step: turns a counter or a hash into well-mixed bits.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A small deterministic random source (SplitMix64) seeded from a stable hash.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return StableHash.mix(state)
    }

    /// A value in [-1, 1).
    mutating func nextSignedUnit() -> Double {
        Double(next() >> 11) / Double(1 << 52) - 1
    }
}
