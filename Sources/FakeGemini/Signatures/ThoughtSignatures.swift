import Foundation
import Synchronization

/// Issues and recognises thought signatures.
///
/// A signature is base64 text that names a counter and carries a check value keyed by a secret
/// chosen when the fake starts, so the fake can tell its own signatures from invented or corrupted
/// ones without remembering every one it issued (memory stays flat under benchmarks).
final class ThoughtSignatures: Sendable {
    /// The documented value for histories that no Gemini model produced; always accepted.
    static let validatorSkip = "skip_thought_signature_validator"

    private let secret: UInt64
    private let counter = Atomic<UInt64>(0)
    private static let marker = "gemgate-fake-thought"

    init(secret: UInt64 = UInt64.random(in: .min ... .max)) {
        self.secret = secret
    }

    /// A new signature, unique for this fake.
    func issue(model: String) -> String {
        let serial = counter.add(1, ordering: .relaxed).newValue
        let payload = "\(Self.marker)|\(serial)|\(model)"
        let check = String(StableHash.fnv1a(payload, seed: secret), radix: 16)
        return Data("\(payload)|\(check)".utf8).base64EncodedString()
    }

    /// True for signatures this fake issued, and for the documented skip value.
    func isRecognised(_ signature: String) -> Bool {
        if signature == Self.validatorSkip { return true }
        guard let data = Data(base64Encoded: signature) else { return false }
        let text = String(decoding: data, as: UTF8.self)
        guard let separator = text.lastIndex(of: "|"), text.hasPrefix(Self.marker + "|") else { return false }
        let payload = String(text[..<separator])
        let check = text[text.index(after: separator)...]
        return String(StableHash.fnv1a(payload, seed: secret), radix: 16) == check
    }
}
