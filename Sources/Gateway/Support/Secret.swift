/// Helpers for handling secrets (keys, tokens, passwords) without leaking them.
public enum Secret {
    /// The form in which a secret may appear on a page or in a log: `AIza…x1Yz`.
    /// Short secrets show less, so that the mask never gives most of a secret away.
    public static func mask(_ secret: String) -> String {
        let characters = Array(secret)
        switch characters.count {
        case 0: return ""
        case ..<8: return "…"
        case ..<16: return String(characters.prefix(2)) + "…" + String(characters.suffix(2))
        default: return String(characters.prefix(4)) + "…" + String(characters.suffix(4))
        }
    }

    /// Compares two secrets in time that depends only on their lengths, not on where they differ.
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8)
        let b = Array(rhs.utf8)
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        // Walk the longer input fully so the time does not reveal a matching prefix.
        let length = max(a.count, b.count)
        for index in 0..<length {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0 && a.count == b.count
    }

    /// A new random token from the system's cryptographic generator (`getrandom` on Linux).
    public static func generateToken(prefix: String = "sk-", length: Int = 40) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        let body = (0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }
        return prefix + String(body)
    }

    /// A short, stable, non-reversible name for a token, stored in logs instead of the token.
    public static func fingerprint(_ token: String) -> String {
        // Enough to tell a handful of tokens apart; useless for recovering one.
        let hash = FNV1a.hash(token)
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
