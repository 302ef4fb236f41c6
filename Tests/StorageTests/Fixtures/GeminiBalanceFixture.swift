import Foundation
import StorageSQL

/// An "old gemini-balance database", built with gemini-balance's own DDL and values, for the
/// backends gemini-balance ran on (SQLite and MySQL; it never supported PostgreSQL).
///
/// The DDL is what SQLAlchemy's `create_all` produced from gemini-balance's `models.py`
/// (storage-notes §6: SQLite from `sqlite_master`, MySQL from `SHOW CREATE TABLE` on MariaDB,
/// without the Chinese column comments). It is written out here, not derived from the storage
/// layer's own table definitions, so the tests check the layer against the real shape.
enum GeminiBalanceFixture {
    /// Which tables the old installation had. gemini-balance never altered a table, so a
    /// long-lived installation keeps its first `t_error_logs` while newer tables appear beside it.
    enum Shape: Sendable {
        /// Before 2025-04-10: `t_settings` and a `t_error_logs` without `model_name`,
        /// `error_type` and `error_code`; no request log, no file records.
        case april2025
        /// Upgraded over the months: the old `t_error_logs` next to the newer `t_request_log`
        /// and `t_file_records`.
        case upgradedWithOldErrorLogs
    }

    /// The CREATE TABLE statements; nil for PostgreSQL.
    static func createStatements(for dialect: SQLDialect, shape: Shape) -> [String]? {
        let tables: [Table]
        switch shape {
        case .april2025: tables = [.settings, .oldErrorLogs]
        case .upgradedWithOldErrorLogs: tables = [.settings, .oldErrorLogs, .requestLog, .fileRecords]
        }
        switch dialect {
        case .sqlite: return tables.map(\.sqlite)
        case .mysql: return tables.map(\.mysql)
        case .postgres: return nil
        }
    }

    /// The columns each fixture table was created with, to check that none went missing.
    static func originalColumns(shape: Shape) -> [String: [String]] {
        var columns = [
            "t_settings": ["id", "key", "value", "description", "created_at", "updated_at"],
            "t_error_logs": ["id", "gemini_key", "error_log", "request_msg", "request_time"],
        ]
        if shape == .upgradedWithOldErrorLogs {
            columns["t_request_log"] = ["id", "request_time", "model_name", "api_key", "is_success", "status_code",
                                        "latency_ms"]
            columns["t_file_records"] = ["id", "name", "display_name", "mime_type", "size_bytes", "sha256_hash",
                                         "state", "create_time", "update_time", "expiration_time", "uri", "api_key",
                                         "upload_url", "user_token", "upload_completed"]
        }
        return columns
    }

    /// Creates the tables and fills them as gemini-balance would. Returns false (and does
    /// nothing) on PostgreSQL.
    @discardableResult
    static func build(on driver: any SQLDriver, shape: Shape) async throws -> Bool {
        guard let statements = statements(for: driver.dialect, shape: shape) else { return false }
        for (sql, binds) in statements {
            try await driver.execute(sql, binds)
        }
        return true
    }

    /// Every statement of `build`, DDL first, for running them some other way (e.g. through a
    /// plain GRDB connection that leaves the file in rollback-journal mode, like gemini-balance).
    static func statements(for dialect: SQLDialect, shape: Shape) -> [(sql: String, binds: [SQLValue])]? {
        guard let ddl = createStatements(for: dialect, shape: shape) else { return nil }
        return ddl.map { ($0, []) } + rows(for: dialect, shape: shape)
    }

    // MARK: Values as gemini-balance writes them

    /// Settings as `sync_initial_settings` serialises them: lists and dicts as JSON with
    /// `ensure_ascii=False`, booleans as `true`/`false`, None as "", numbers with `str()`.
    static let settings: [String: String] = [
        "API_KEYS": #"["AIzaSyA-key-one", "AIzaSyB-key-two"]"#,
        "ALLOWED_TOKENS": #"["sk-user-1"]"#,
        "AUTH_TOKEN": "sk-admin-456",
        "FAKE_STREAM_ENABLED": "true",
        "MAX_FAILURES": "3",
        "TEST_MODEL": "gemini-1.5-flash",
        "CUSTOM_HEADERS": #"{"X-说明": "中文"}"#,
        "PAID_KEY": "",
        "STREAM_MIN_DELAY": "0.016",
    ]

    /// The instant the fixture's log rows were written: 2026-11-27 10:53:21.982503 UTC, which
    /// gemini-balance (TZ=Asia/Shanghai) stored as the naive local time 18:53:21.982503.
    static let logInstant = Date(timeIntervalSince1970: 1_795_776_801.982503)
    /// What MySQL kept of it: DATETIME has no fraction.
    static let logInstantWholeSeconds = Date(timeIntervalSince1970: 1_795_776_801)

    static func expectedLogInstant(for dialect: SQLDialect) -> Date {
        dialect == .mysql ? logInstantWholeSeconds : logInstant
    }

    /// `request_msg` as SQLAlchemy's JSON type writes it: `json.dumps` with ASCII escapes.
    static let requestMessage = #"{"contents": [{"role": "user", "parts": [{"text": "\u4f60\u597d"}]}]}"#

    private static func rows(for dialect: SQLDialect, shape: Shape) -> [(String, [SQLValue])] {
        // Settings are written in UTC, logs in Shanghai time; MySQL drops the fraction.
        let fraction = dialect == .mysql ? "" : ".982503"
        let settingsTime = "2026-11-27 10:53:21" + fraction
        let logTime = "2026-11-27 18:53:21" + fraction
        let keyColumn = dialect == .mysql ? "`key`" : "\"key\""

        var rows: [(String, [SQLValue])] = settings.sorted { $0.key < $1.key }.map { key, value in
            ("INSERT INTO t_settings (\(keyColumn), value, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
             [.text(key), .text(value), .text("\(key) configuration setting"), .text(settingsTime), .text(settingsTime)])
        }
        rows.append(("INSERT INTO t_error_logs (gemini_key, error_log, request_msg, request_time) VALUES (?, ?, ?, ?)",
                     [.text("AIzaSyA-key-one"), .text("429 RESOURCE_EXHAUSTED: 配额已用尽 🙁"), .text(requestMessage),
                      .text(logTime)]))
        // Python's None went in as the JSON text `null`, not as SQL NULL.
        rows.append(("INSERT INTO t_error_logs (gemini_key, error_log, request_msg, request_time) VALUES (?, ?, ?, ?)",
                     [.text("AIzaSyB-key-two"), .text("500 INTERNAL"), .text("null"), .text(logTime)]))
        if shape == .upgradedWithOldErrorLogs {
            let insertRequest = "INSERT INTO t_request_log (request_time, model_name, api_key, is_success, status_code,"
                + " latency_ms) VALUES (?, ?, ?, ?, ?, ?)"
            rows.append((insertRequest, [.text(logTime), .text("gemini-2.5-flash"), .text("AIzaSyA-key-one"), .int(1),
                                         .int(200), .int(812)]))
            rows.append((insertRequest, [.text(logTime), .text("gemini-2.5-pro"), .text("AIzaSyB-key-two"), .int(0),
                                         .int(429), .int(95)]))
            rows.append(("INSERT INTO t_file_records (name, display_name, mime_type, size_bytes, sha256_hash, state,"
                            + " create_time, update_time, expiration_time, uri, api_key, upload_url, user_token,"
                            + " upload_completed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         [.text("files/abc123"), .text("报告.pdf"), .text("application/pdf"), .int(5_000_000_000),
                          .null, .text("ACTIVE"), .text(settingsTime), .text(settingsTime),
                          .text("2026-11-29 10:53:21" + fraction),
                          .text("https://generativelanguage.googleapis.com/v1beta/files/abc123"),
                          .text("AIzaSyA-key-one"), .null, .text("sk-user-1"), .text(settingsTime)]))
        }
        return rows
    }

    // MARK: DDL

    private struct Table {
        let sqlite: String
        let mysql: String

        static let settings = Table(
            sqlite: """
                CREATE TABLE t_settings (
                \tid INTEGER NOT NULL, 
                \t"key" VARCHAR(100) NOT NULL, 
                \tvalue TEXT, 
                \tdescription VARCHAR(255), 
                \tcreated_at DATETIME, 
                \tupdated_at DATETIME, 
                \tPRIMARY KEY (id), 
                \tUNIQUE ("key")
                )
                """,
            mysql: """
                CREATE TABLE `t_settings` (
                  `id` int(11) NOT NULL AUTO_INCREMENT,
                  `key` varchar(100) NOT NULL,
                  `value` text DEFAULT NULL,
                  `description` varchar(255) DEFAULT NULL,
                  `created_at` datetime DEFAULT NULL,
                  `updated_at` datetime DEFAULT NULL,
                  PRIMARY KEY (`id`),
                  UNIQUE KEY `key` (`key`)
                )
                """)

        /// Before gemini-balance d94d24f: no model_name, error_type, error_code.
        static let oldErrorLogs = Table(
            sqlite: """
                CREATE TABLE t_error_logs (
                \tid INTEGER NOT NULL, 
                \tgemini_key VARCHAR(100), 
                \terror_log TEXT, 
                \trequest_msg JSON, 
                \trequest_time DATETIME, 
                \tPRIMARY KEY (id)
                )
                """,
            mysql: """
                CREATE TABLE `t_error_logs` (
                  `id` int(11) NOT NULL AUTO_INCREMENT,
                  `gemini_key` varchar(100) DEFAULT NULL,
                  `error_log` text DEFAULT NULL,
                  `request_msg` json DEFAULT NULL,
                  `request_time` datetime DEFAULT NULL,
                  PRIMARY KEY (`id`)
                )
                """)

        static let requestLog = Table(
            sqlite: """
                CREATE TABLE t_request_log (
                \tid INTEGER NOT NULL, 
                \trequest_time DATETIME, 
                \tmodel_name VARCHAR(100), 
                \tapi_key VARCHAR(100), 
                \tis_success BOOLEAN NOT NULL, 
                \tstatus_code INTEGER, 
                \tlatency_ms INTEGER, 
                \tPRIMARY KEY (id)
                )
                """,
            mysql: """
                CREATE TABLE `t_request_log` (
                  `id` int(11) NOT NULL AUTO_INCREMENT,
                  `request_time` datetime DEFAULT NULL,
                  `model_name` varchar(100) DEFAULT NULL,
                  `api_key` varchar(100) DEFAULT NULL,
                  `is_success` tinyint(1) NOT NULL,
                  `status_code` int(11) DEFAULT NULL,
                  `latency_ms` int(11) DEFAULT NULL,
                  PRIMARY KEY (`id`)
                )
                """)

        static let fileRecords = Table(
            sqlite: """
                CREATE TABLE t_file_records (
                \tid INTEGER NOT NULL, 
                \tname VARCHAR(255) NOT NULL, 
                \tdisplay_name VARCHAR(255), 
                \tmime_type VARCHAR(100) NOT NULL, 
                \tsize_bytes BIGINT NOT NULL, 
                \tsha256_hash VARCHAR(255), 
                \tstate VARCHAR(10) NOT NULL, 
                \tcreate_time DATETIME NOT NULL, 
                \tupdate_time DATETIME NOT NULL, 
                \texpiration_time DATETIME NOT NULL, 
                \turi VARCHAR(500) NOT NULL, 
                \tapi_key VARCHAR(100) NOT NULL, 
                \tupload_url TEXT, 
                \tuser_token VARCHAR(100), 
                \tupload_completed DATETIME, 
                \tPRIMARY KEY (id), 
                \tUNIQUE (name)
                )
                """,
            mysql: """
                CREATE TABLE `t_file_records` (
                  `id` int(11) NOT NULL AUTO_INCREMENT,
                  `name` varchar(255) NOT NULL,
                  `display_name` varchar(255) DEFAULT NULL,
                  `mime_type` varchar(100) NOT NULL,
                  `size_bytes` bigint(20) NOT NULL,
                  `sha256_hash` varchar(255) DEFAULT NULL,
                  `state` enum('PROCESSING','ACTIVE','FAILED') NOT NULL,
                  `create_time` datetime NOT NULL,
                  `update_time` datetime NOT NULL,
                  `expiration_time` datetime NOT NULL,
                  `uri` varchar(500) NOT NULL,
                  `api_key` varchar(100) NOT NULL,
                  `upload_url` text DEFAULT NULL,
                  `user_token` varchar(100) DEFAULT NULL,
                  `upload_completed` datetime DEFAULT NULL,
                  PRIMARY KEY (`id`),
                  UNIQUE KEY `name` (`name`)
                )
                """)
    }
}
