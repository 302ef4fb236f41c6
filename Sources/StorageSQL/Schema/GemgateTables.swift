/// Gemgate's own tables and columns. Times here are BIGINT epoch milliseconds (UTC), which
/// mean the same on every database, unlike gemini-balance's naive DATETIMEs.
enum GemgateTables {
    /// Which schema versions have been applied; its absence next to `t_settings` is how an
    /// untouched gemini-balance database is recognised.
    static let schemaMigrations = TableDefinition(name: "gg_schema_migrations", columns: [
        ColumnDefinition("version", .integer, .primaryKey),
        ColumnDefinition("name", .varchar(200), .notNull),
        ColumnDefinition("applied_at", .bigInteger, .notNull),
    ])

    /// One row per API key (gemini-balance kept this state in memory only).
    static let keyState = TableDefinition(name: "gg_key_state", columns: [
        ColumnDefinition("api_key", .caseSensitiveVarchar(255), .primaryKey),
        ColumnDefinition("status", .varchar(16), .notNull),
        ColumnDefinition("consecutive_failures", .integer, .notNull),
        ColumnDefinition("benched_at", .bigInteger),
        ColumnDefinition("last_error_code", .integer),
        ColumnDefinition("last_error_message", .text),
        ColumnDefinition("last_error_at", .bigInteger),
        ColumnDefinition("last_used_at", .bigInteger),
        // `[ModelCooldown]` as JSON text, `until` in epoch milliseconds.
        ColumnDefinition("cooldowns", .text, .notNull),
        ColumnDefinition("updated_at", .bigInteger, .notNull),
    ])

    /// Added to gemini-balance's `t_request_log`: which client token made the call
    /// (`Secret.fingerprint`, 16 hex digits today).
    static let tokenFingerprint = ColumnDefinition("token_fingerprint", .varchar(32))
}

/// Indexes for the admin panel's time-window queries (gemini-balance created none, so each of
/// its stats queries scanned the whole log). Harmless to gemini-balance itself.
struct IndexDefinition: Sendable {
    let name: String
    let table: String
    let columns: [String]

    func createStatement(for dialect: SQLDialect) -> String {
        let columnList = columns.map(dialect.quoted).joined(separator: ", ")
        return "CREATE INDEX \(dialect.quoted(name)) ON \(dialect.quoted(table)) (\(columnList))"
    }

    static let logIndexes = [
        IndexDefinition(name: "gg_idx_request_log_time", table: "t_request_log", columns: ["request_time"]),
        IndexDefinition(name: "gg_idx_request_log_key_time", table: "t_request_log", columns: ["api_key", "request_time"]),
        IndexDefinition(name: "gg_idx_request_log_model_time", table: "t_request_log", columns: ["model_name", "request_time"]),
        IndexDefinition(name: "gg_idx_request_log_token_time", table: "t_request_log", columns: ["token_fingerprint", "request_time"]),
        IndexDefinition(name: "gg_idx_error_logs_time", table: "t_error_logs", columns: ["request_time"]),
        IndexDefinition(name: "gg_idx_error_logs_key", table: "t_error_logs", columns: ["gemini_key"]),
        IndexDefinition(name: "gg_idx_error_logs_code", table: "t_error_logs", columns: ["error_code"]),
    ]
}
