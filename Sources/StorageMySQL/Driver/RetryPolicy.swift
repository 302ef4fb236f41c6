/// When a statement that failed on a lost connection may run again on a fresh one.
///
/// Outside a transaction a statement is retried once if it cannot have taken effect (the
/// connection failed while preparing it, the usual case for a connection the server closed while
/// idle) or if it only reads. A write that was lost mid-execution may or may not have been applied,
/// so it is not repeated: the caller sees the error, and the next statement gets a new connection.
enum RetryPolicy {
    static func mayRetry(_ sql: String, after error: MySQLError) -> Bool {
        guard error.isConnectionLost else { return false }
        return !error.statementMayHaveRun || isReadOnly(sql)
    }

    /// SELECT, SHOW, DESCRIBE, EXPLAIN: statements that change nothing.
    static func isReadOnly(_ sql: String) -> Bool {
        let keyword = sql.drop(while: { $0.isWhitespace || $0 == "(" }).prefix(while: \.isLetter).lowercased()
        return ["select", "show", "describe", "desc", "explain"].contains(keyword)
    }
}
