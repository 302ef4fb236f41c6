import Logging
import Synchronization

/// The log level in force, shared by every logger, so that a `LOG_LEVEL` change in the panel
/// applies at once without a restart.
public final class LogLevelControl: Sendable {
    private let level: Mutex<Logger.Level>

    public init(_ level: Logger.Level = .info) {
        self.level = Mutex(level)
    }

    public var current: Logger.Level {
        get { level.withLock { $0 } }
        set { level.withLock { $0 = newValue } }
    }

    /// gemini-balance's level names (`DEBUG`, `INFO`, `WARNING`, `ERROR`, `CRITICAL`).
    public static func level(named name: String) -> Logger.Level {
        switch name.uppercased() {
        case "DEBUG": .debug
        case "WARNING", "WARN": .warning
        case "ERROR": .error
        case "CRITICAL": .critical
        default: .info
        }
    }
}
