import Synchronization

/// The secrets currently configured (tokens, admin token, keys, proxy passwords), so that the log
/// handler can mask them wherever they appear. Updated whenever settings change.
public final class SecretRegistry: Sendable {
    private let secrets = Mutex<[String]>([])

    public init() {}

    /// Replaces the set. Longest first, so a secret that contains another is masked whole.
    public func update(_ newSecrets: some Sequence<String>) {
        let sorted = Set(newSecrets.filter { $0.count >= 4 }).sorted { $0.count > $1.count }
        secrets.withLock { $0 = sorted }
    }

    /// `text` with every known secret and anything key-shaped masked.
    public func redact(_ text: String) -> String {
        var result = KeyRedactor.redact(text)
        let current = secrets.withLock { $0 }
        for secret in current where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Secret.mask(secret))
        }
        return result
    }
}
