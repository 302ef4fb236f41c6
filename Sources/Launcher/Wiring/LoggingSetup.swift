import Gateway
import Logging

/// Installs the process-wide log handler once: standard output, with every secret masked and
/// the level following `LOG_LEVEL` live.
public enum LoggingSetup {
    public static let secrets = SecretRegistry()
    public static let level = LogLevelControl()

    public static func install() {
        LoggingSystem.bootstrap { label in
            RedactingLogHandler(wrapping: StreamLogHandler.standardOutput(label: label), registry: secrets, level: level)
        }
    }
}
