import Synchronization

/// Mints `responseId`s that look like Google's (22 characters of base64url) and never repeat
/// within one fake.
final class ResponseIdentifiers: Sendable {
    private let counter = Atomic<UInt64>(0)
    private let salt: UInt64
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    init(salt: UInt64 = UInt64.random(in: .min ... .max)) {
        self.salt = salt
    }

    func next() -> String {
        let serial = counter.add(1, ordering: .relaxed).newValue
        // The second word is a bijection of the serial and is written out whole (11 × 6 ≥ 64 bits),
        // so ids never repeat; the first only makes them look random.
        var low = StableHash.mix(serial) ^ salt
        var high = StableHash.mix(low)
        var characters: [UInt8] = []
        characters.reserveCapacity(22)
        for index in 0..<22 {
            if index < 11 {
                characters.append(Self.alphabet[Int(high & 63)])
                high >>= 6
            } else {
                characters.append(Self.alphabet[Int(low & 63)])
                low >>= 6
            }
        }
        return String(decoding: characters, as: UTF8.self)
    }
}
