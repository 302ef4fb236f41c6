import Foundation

/// The tables `gemgate migrate` copies row by row, with what each column holds, so that values
/// are carried over by meaning (a log time is re-zoned, a boolean stays 0/1) rather than by
/// each database's spelling. `gg_key_state` is copied through the storage's own key-state calls.
public enum TransferTable: String, Sendable, CaseIterable {
    case settings = "t_settings"
    case requestLog = "t_request_log"
    case errorLogs = "t_error_logs"
    case fileRecords = "t_file_records"

    enum ColumnKind: Sendable {
        case text
        case integer
        /// gemini-balance's naive local time (`t_request_log`, `t_error_logs`).
        case logTime
        /// gemini-balance's naive UTC time (`t_settings`, `t_file_records`).
        case utcTime
        /// JSON text that MySQL's JSON column must accept.
        case json
    }

    struct Column: Sendable {
        let name: String
        let kind: ColumnKind
    }

    /// Every column but `id`, which the target hands out anew.
    var columns: [Column] {
        switch self {
        case .settings:
            return [.init(name: "key", kind: .text), .init(name: "value", kind: .text),
                    .init(name: "description", kind: .text), .init(name: "created_at", kind: .utcTime),
                    .init(name: "updated_at", kind: .utcTime)]
        case .requestLog:
            return [.init(name: "request_time", kind: .logTime), .init(name: "model_name", kind: .text),
                    .init(name: "api_key", kind: .text), .init(name: "is_success", kind: .integer),
                    .init(name: "status_code", kind: .integer), .init(name: "latency_ms", kind: .integer),
                    .init(name: "token_fingerprint", kind: .text)]
        case .errorLogs:
            return [.init(name: "gemini_key", kind: .text), .init(name: "model_name", kind: .text),
                    .init(name: "error_type", kind: .text), .init(name: "error_log", kind: .text),
                    .init(name: "error_code", kind: .integer), .init(name: "request_msg", kind: .json),
                    .init(name: "request_time", kind: .logTime)]
        case .fileRecords:
            return [.init(name: "name", kind: .text), .init(name: "display_name", kind: .text),
                    .init(name: "mime_type", kind: .text), .init(name: "size_bytes", kind: .integer),
                    .init(name: "sha256_hash", kind: .text), .init(name: "state", kind: .text),
                    .init(name: "create_time", kind: .utcTime), .init(name: "update_time", kind: .utcTime),
                    .init(name: "expiration_time", kind: .utcTime), .init(name: "uri", kind: .text),
                    .init(name: "api_key", kind: .text), .init(name: "upload_url", kind: .text),
                    .init(name: "user_token", kind: .text), .init(name: "upload_completed", kind: .utcTime)]
        }
    }

    /// The unique column a copied row is matched on, for tables whose rows are replaced rather
    /// than appended: a setting by its name, a file record by its `files/…` name.
    var naturalKey: String? {
        switch self {
        case .settings: return "key"
        case .fileRecords: return "name"
        case .requestLog, .errorLogs: return nil
        }
    }

    /// Whether copying remembers how far it got (logs and files), or copies everything each time
    /// (settings, which are few and replaced in place).
    public var tracksProgress: Bool { self != .settings }
}

/// Rows read from one database, in a form any other can write.
public struct TransferBatch: Sendable {
    enum Cell: Sendable, Equatable {
        case null
        case integer(Int64)
        case text(String)
        /// An instant, from a naive time read in its zone.
        case time(Date)
    }

    let table: TransferTable
    let rows: [[Cell]]
    /// The highest source id in the batch.
    public let lastID: Int64
    public var count: Int { rows.count }
}
