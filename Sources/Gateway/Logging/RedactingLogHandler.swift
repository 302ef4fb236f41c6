import Logging

/// A log handler that masks secrets in every message and metadata value before passing the line
/// on. Code should never log a secret in the first place; this is the safety net that makes
/// "no key or token in full in any log line" hold even when someone forgets.
public struct RedactingLogHandler: LogHandler {
    private var inner: any LogHandler
    private let registry: SecretRegistry
    private let level: LogLevelControl

    public init(wrapping inner: any LogHandler, registry: SecretRegistry, level: LogLevelControl) {
        var inner = inner
        // The inner handler lets everything through; the shared control decides.
        inner.logLevel = .trace
        self.inner = inner
        self.registry = registry
        self.level = level
    }

    public var logLevel: Logger.Level {
        get { level.current }
        set { level.current = newValue }
    }

    public var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        guard event.level >= level.current else { return }
        var event = event
        event.message = Logger.Message(stringLiteral: registry.redact(event.message.description))
        event.metadata = event.metadata.map { $0.mapValues(redact) }
        if let error = event.error {
            // An error's description can quote a request or a URL; it goes out redacted, as text.
            event.metadata = (event.metadata ?? [:]).merging(["error": .string(registry.redact("\(error)"))]) { $1 }
            event.error = nil
        }
        // Metadata set on the handler itself is redacted too, by folding it into the event.
        if !inner.metadata.isEmpty {
            var merged = inner.metadata.mapValues(redact)
            for (key, value) in event.metadata ?? [:] { merged[key] = value }
            event.metadata = merged
        }
        inner.log(event: event)
    }

    private func redact(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(registry.redact(text))
        case .stringConvertible(let convertible): .string(registry.redact(convertible.description))
        case .array(let items): .array(items.map(redact))
        case .dictionary(let dictionary): .dictionary(dictionary.mapValues(redact))
        }
    }
}
