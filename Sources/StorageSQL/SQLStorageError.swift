/// Failures of the shared SQL layer itself (the drivers throw their own errors).
public enum SQLStorageError: Error, CustomStringConvertible, Sendable {
    /// Another Gemgate process held the schema-migration lock for too long.
    case migrationLockNotAcquired
    /// A setting name does not fit `t_settings.key` (VARCHAR(100)) or is empty.
    case invalidSettingKey(String)

    public var description: String {
        switch self {
        case .migrationLockNotAcquired:
            return "Another Gemgate process is migrating this database and did not finish within two minutes."
        case .invalidSettingKey(let key):
            return "The setting name \"\(key.prefix(120))\" is empty or longer than 100 characters."
        }
    }
}
