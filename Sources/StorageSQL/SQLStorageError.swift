/// Failures of the shared SQL layer itself (the drivers throw their own errors).
public enum SQLStorageError: Error, CustomStringConvertible, Sendable {
    /// Another Gemgate process held the schema-migration lock for too long.
    case migrationLockNotAcquired
    /// A setting name does not fit `t_settings.key` (VARCHAR(100)) or is empty.
    case invalidSettingKey(String)
    /// A setting value is larger than the database column holds: on MySQL, a `t_settings`
    /// created by gemini-balance has a `TEXT` value column (65,535 bytes). Never cut, because a
    /// cut setting (a JSON list of keys) would be a wrong setting.
    case settingValueTooLarge(key: String, bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .migrationLockNotAcquired:
            return "Another Gemgate process is migrating this database and did not finish within two minutes."
        case .invalidSettingKey(let key):
            return "The setting name \"\(key.prefix(120))\" is empty or longer than 100 characters."
        case .settingValueTooLarge(let key, let bytes, let limit):
            return "The value of \(key) is \(bytes) bytes, but the database column t_settings.value holds only"
                + " \(limit) bytes (a MySQL TEXT column created by gemini-balance). Nothing was saved. Widen it with"
                + " `ALTER TABLE t_settings MODIFY value LONGTEXT` (gemini-balance keeps working), or store less."
        }
    }
}
