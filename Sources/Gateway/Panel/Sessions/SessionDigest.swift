import Crypto

/// SHA-256 as lower-case hex, for what a shared database keeps about a session instead of the
/// secret itself. A session id is 256 random bits, so its hash needs no salt: nobody can guess
/// ids to match a stolen table, and the hash alone opens nothing.
enum SessionDigest {
    static func sha256Hex(_ text: String) -> String {
        let digest = SHA256.hash(data: Array(text.utf8))
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(64)
        for byte in digest {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
