import Foundation

// The values `LogQueryStorage` takes and returns.

/// Calls that succeeded and calls that failed.
public struct OutcomeCounts: Sendable, Equatable {
    public var successes: Int
    public var failures: Int

    public init(successes: Int = 0, failures: Int = 0) {
        self.successes = successes
        self.failures = failures
    }

    public var total: Int { successes + failures }

    public static func + (lhs: OutcomeCounts, rhs: OutcomeCounts) -> OutcomeCounts {
        OutcomeCounts(successes: lhs.successes + rhs.successes, failures: lhs.failures + rhs.failures)
    }
}

/// The calls of one minute (`start` is the minute's first second).
public struct MinuteCounts: Sendable, Equatable {
    public var start: Date
    public var counts: OutcomeCounts

    public init(start: Date, counts: OutcomeCounts) {
        self.start = start
        self.counts = counts
    }
}

/// How often one key failed with one error code.
public struct KeyErrorCount: Sendable, Equatable {
    public var key: String
    public var count: Int

    public init(key: String, count: Int) {
        self.key = key
        self.count = count
    }
}

public struct ModelCallCount: Sendable, Equatable {
    /// nil for rows without a model.
    public var model: String?
    public var counts: OutcomeCounts

    public init(model: String?, counts: OutcomeCounts) {
        self.model = model
        self.counts = counts
    }
}

public struct TokenCallCount: Sendable, Equatable {
    /// `Secret.fingerprint` of the client token; nil for rows gemini-balance wrote.
    public var tokenFingerprint: String?
    public var counts: OutcomeCounts

    public init(tokenFingerprint: String?, counts: OutcomeCounts) {
        self.tokenFingerprint = tokenFingerprint
        self.counts = counts
    }
}

/// Which request-log rows to show. Every field narrows; nil means "any".
public struct RequestLogFilter: Sendable, Equatable {
    /// Rows whose key contains this text (any case).
    public var keyContains: String?
    /// Rows of exactly this key.
    public var key: String?
    /// Rows whose model contains this text (any case).
    public var modelContains: String?
    public var statusCode: Int?
    public var isSuccess: Bool?
    public var tokenFingerprint: String?
    /// Inclusive.
    public var from: Date?
    /// Exclusive.
    public var to: Date?

    public init(
        keyContains: String? = nil, key: String? = nil, modelContains: String? = nil, statusCode: Int? = nil,
        isSuccess: Bool? = nil, tokenFingerprint: String? = nil, from: Date? = nil, to: Date? = nil
    ) {
        self.keyContains = keyContains
        self.key = key
        self.modelContains = modelContains
        self.statusCode = statusCode
        self.isSuccess = isSuccess
        self.tokenFingerprint = tokenFingerprint
        self.from = from
        self.to = to
    }
}

/// Which error-log rows to show. Every field narrows; nil means "any".
public struct ErrorLogFilter: Sendable, Equatable {
    /// Rows whose key contains this text (any case).
    public var keyContains: String?
    /// Rows of exactly this key.
    public var key: String?
    /// Rows whose error type or error body contains this text (any case).
    public var textContains: String?
    public var errorCode: Int?
    /// Rows whose model contains this text (any case).
    public var modelContains: String?
    /// Inclusive.
    public var from: Date?
    /// Exclusive.
    public var to: Date?

    public init(
        keyContains: String? = nil, key: String? = nil, textContains: String? = nil, errorCode: Int? = nil,
        modelContains: String? = nil, from: Date? = nil, to: Date? = nil
    ) {
        self.keyContains = keyContains
        self.key = key
        self.textContains = textContains
        self.errorCode = errorCode
        self.modelContains = modelContains
        self.from = from
        self.to = to
    }
}

/// The column a log page is sorted by; ties are broken by id in the same direction.
public enum LogSortColumn: String, Sendable, CaseIterable {
    case id
    case time
    case key
    case model
    /// The status code (request log) or error code (error log).
    case code
}

public struct LogOrder: Sendable, Equatable {
    public var column: LogSortColumn
    public var ascending: Bool

    public init(column: LogSortColumn = .id, ascending: Bool = false) {
        self.column = column
        self.ascending = ascending
    }

    public static let newestFirst = LogOrder()
}

public struct LogPageRequest: Sendable, Equatable {
    public var offset: Int
    public var limit: Int

    public init(offset: Int, limit: Int) {
        self.offset = max(0, offset)
        self.limit = max(1, limit)
    }
}

/// One page of rows and how many rows match in all.
public struct LogPage<Row: Sendable>: Sendable {
    public var rows: [Row]
    public var total: Int

    public init(rows: [Row], total: Int) {
        self.rows = rows
        self.total = total
    }
}

extension LogPage: Equatable where Row: Equatable {}

/// A `t_request_log` row. Fields are optional where gemini-balance's columns are nullable.
public struct RequestLogRecord: Sendable, Equatable {
    public var id: Int64
    public var time: Date?
    public var model: String?
    public var apiKey: String?
    public var isSuccess: Bool
    public var statusCode: Int?
    public var latencyMs: Int?
    public var tokenFingerprint: String?

    public init(
        id: Int64, time: Date?, model: String?, apiKey: String?, isSuccess: Bool, statusCode: Int?,
        latencyMs: Int?, tokenFingerprint: String?
    ) {
        self.id = id
        self.time = time
        self.model = model
        self.apiKey = apiKey
        self.isSuccess = isSuccess
        self.statusCode = statusCode
        self.latencyMs = latencyMs
        self.tokenFingerprint = tokenFingerprint
    }
}

/// A `t_error_logs` row without its bodies, for a list.
public struct ErrorLogSummary: Sendable, Equatable {
    public var id: Int64
    public var time: Date?
    public var apiKey: String?
    public var model: String?
    public var errorType: String?
    public var errorCode: Int?

    public init(id: Int64, time: Date?, apiKey: String?, model: String?, errorType: String?, errorCode: Int?) {
        self.id = id
        self.time = time
        self.apiKey = apiKey
        self.model = model
        self.errorType = errorType
        self.errorCode = errorCode
    }
}

/// A `t_error_logs` row with its bodies.
public struct ErrorLogDetail: Sendable, Equatable {
    public var summary: ErrorLogSummary
    /// The upstream error body (or Gemgate's description), already redacted when written.
    public var errorLog: String?
    /// The client's request body as JSON text, when `ERROR_LOG_RECORD_REQUEST_BODY` was on.
    public var requestBody: String?

    public init(summary: ErrorLogSummary, errorLog: String?, requestBody: String?) {
        self.summary = summary
        self.errorLog = errorLog
        self.requestBody = requestBody
    }
}
