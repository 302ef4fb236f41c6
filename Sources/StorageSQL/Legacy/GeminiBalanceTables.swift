/// gemini-balance's four tables as its newest `models.py` defines them (commit 5512f7ff; see
/// storage-notes §6). Gemgate creates them when missing and adds columns an old copy lacks, but
/// never changes a column gemini-balance already has: the database must stay valid for it.
enum GeminiBalanceTables {
    static let settings = TableDefinition(name: "t_settings", columns: [
        ColumnDefinition("id", .autoIncrementID),
        ColumnDefinition("key", .varchar(100), .unique),
        // `Text` in gemini-balance; larger where Gemgate creates the table, because API_KEYS for
        // thousands of keys exceeds MySQL's 64 KB TEXT. An existing TEXT column stays as it is.
        ColumnDefinition("value", .largeText),
        ColumnDefinition("description", .varchar(255)),
        ColumnDefinition("created_at", .naiveDateTime),
        ColumnDefinition("updated_at", .naiveDateTime),
    ])

    static let errorLogs = TableDefinition(name: "t_error_logs", columns: [
        ColumnDefinition("id", .autoIncrementID),
        ColumnDefinition("gemini_key", .varchar(100)),
        // The next three arrived in gemini-balance d94d24f (2025-04-10); older files lack them.
        ColumnDefinition("model_name", .varchar(100)),
        ColumnDefinition("error_type", .varchar(50)),
        ColumnDefinition("error_log", .largeText),
        ColumnDefinition("error_code", .integer),
        ColumnDefinition("request_msg", .json),
        ColumnDefinition("request_time", .naiveDateTime),
    ])

    static let requestLog = TableDefinition(name: "t_request_log", columns: [
        ColumnDefinition("id", .autoIncrementID),
        ColumnDefinition("request_time", .naiveDateTime),
        ColumnDefinition("model_name", .varchar(100)),
        ColumnDefinition("api_key", .varchar(100)),
        ColumnDefinition("is_success", .boolean, .notNull),
        ColumnDefinition("status_code", .integer),
        ColumnDefinition("latency_ms", .integer),
    ])

    static let fileRecords = TableDefinition(name: "t_file_records", columns: [
        ColumnDefinition("id", .autoIncrementID),
        ColumnDefinition("name", .varchar(255), .unique),
        ColumnDefinition("display_name", .varchar(255)),
        ColumnDefinition("mime_type", .varchar(100), .notNull),
        ColumnDefinition("size_bytes", .bigInteger, .notNull),
        ColumnDefinition("sha256_hash", .varchar(255)),
        ColumnDefinition("state", .enumeration(["PROCESSING", "ACTIVE", "FAILED"], length: 10), .notNull),
        ColumnDefinition("create_time", .naiveDateTime, .notNull),
        ColumnDefinition("update_time", .naiveDateTime, .notNull),
        ColumnDefinition("expiration_time", .naiveDateTime, .notNull),
        ColumnDefinition("uri", .varchar(500), .notNull),
        ColumnDefinition("api_key", .varchar(100), .notNull),
        ColumnDefinition("upload_url", .text),
        ColumnDefinition("user_token", .varchar(100)),
        ColumnDefinition("upload_completed", .naiveDateTime),
    ])

    static let all = [settings, errorLogs, requestLog, fileRecords]
}
