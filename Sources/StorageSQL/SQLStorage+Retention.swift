import Foundation

// Deleting old log rows (the retention job) a chunk at a time.
extension SQLStorage {
    /// Deletes the rows of a log table whose `request_time` is before `date`, at most
    /// `retentionChunkSize` per statement, until a statement deletes fewer; returns how many went.
    ///
    /// One DELETE of months of logs on a big table runs for minutes: on MySQL it outlasts the
    /// driver's 30 s read timeout and fails (rolled back, so nothing is ever deleted), and on
    /// every database it holds its locks and grows the transaction log all that time. Each chunk
    /// is short and commits on its own, so a run cut short still keeps what it did.
    func deleteLogRows(from table: String, before date: Date) async throws -> Int {
        let chunk = retentionChunkSize
        let sql = dialect.deleteAtMost(chunk, from: table, where: "request_time < \(dialect.timestampPlaceholder)")
        let cutoff = SQLValue.text(logTimes.string(from: date))
        var total = 0
        while true {
            let deleted = try await driver.execute(sql, [cutoff]).affectedRows
            total += deleted
            if deleted < chunk { return total }
        }
    }
}
