import Foundation

/// The queries behind the admin panel's pages: counts over time windows, paged and filtered log
/// rows, per-key and per-token usage. Answered by indexed queries in the database, never by
/// shipping every row to the caller. Times are absolute `Date`s; the implementation converts them
/// to the naive local times gemini-balance's tables hold. The records are in `LogQueryRecords`.
public protocol LogQueryStorage: Sendable {
    // MARK: Counts for the monitor page

    /// Successes and failures in `t_request_log` from each start until now, in the order given
    /// (one pass over the widest window).
    func requestCounts(since starts: [Date]) async throws -> [OutcomeCounts]

    /// Calls per minute from `start` on, only minutes that had calls, oldest first.
    func requestsPerMinute(since start: Date) async throws -> [MinuteCounts]

    /// Keys with the most error-log rows of `errorCode` since `start`, most first.
    func keysByErrorCount(errorCode: Int, since start: Date, limit: Int) async throws -> [KeyErrorCount]

    /// Calls per key since `start`, for the given keys only (a page of the key list).
    func requestCountsByKey(_ keys: [String], since start: Date) async throws -> [String: OutcomeCounts]

    /// Calls per model since `start`, for one key or (nil) for every key, most first.
    func requestCountsByModel(key: String?, since start: Date) async throws -> [ModelCallCount]

    /// Calls per client token (by fingerprint; nil for rows without one) in the filter's window.
    func requestCountsByToken(_ filter: RequestLogFilter) async throws -> [TokenCallCount]

    // MARK: Log pages

    /// One page of request-log rows matching the filter, with the number of matching rows.
    func requestLogs(_ filter: RequestLogFilter, order: LogOrder, page: LogPageRequest) async throws
        -> LogPage<RequestLogRecord>

    /// One page of error-log rows matching the filter (without their bodies), with the number
    /// of matching rows.
    func errorLogs(_ filter: ErrorLogFilter, order: LogOrder, page: LogPageRequest) async throws
        -> LogPage<ErrorLogSummary>

    /// One error-log row with its upstream error body and the recorded request body.
    func errorLogDetail(id: Int64) async throws -> ErrorLogDetail?

    /// Deletes the error-log rows with these ids; returns how many went.
    func deleteErrorLogs(ids: [Int64]) async throws -> Int

    /// Deletes every error-log row; returns how many went.
    func deleteAllErrorLogs() async throws -> Int
}
