/// Where `LogWriter` writes its batches: the two log inserts of `Storage`, declared apart so that
/// the writer needs (and its tests fake) nothing else.
public protocol LogRowStorage: Sendable {
    /// Inserts the rows into `t_request_log` in one transaction: all or none.
    func insertRequestLogs(_ entries: [RequestLogEntry]) async throws

    /// Inserts the rows into `t_error_logs` in one transaction: all or none.
    func insertErrorLogs(_ entries: [ErrorLogEntry]) async throws
}
