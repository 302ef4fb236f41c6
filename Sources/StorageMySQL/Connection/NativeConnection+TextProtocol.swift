import CMariaDB
import StorageSQL

extension NativeConnection {
    /// Runs a statement without values through the text protocol (`mysql_real_query`): one round
    /// trip, for transaction control and the few statements the server cannot prepare.
    /// Any result sets are read and dropped so the connection is ready for the next statement.
    func runText(_ sql: String, operation: MySQLError.Operation) throws(MySQLError) -> SQLExecution {
        let handle = try liveHandle(for: sql)
        let status = sql.withCString { mysql_real_query(handle, $0, UInt(sql.utf8.count)) }
        guard status == 0 else {
            throw MySQLError.from(handle, operation: operation, endpoint: endpoint, statement: sql)
        }

        var execution = SQLExecution(affectedRows: 0)
        while true {
            if let result = mysql_store_result(handle) {
                mysql_free_result(result)
            } else if mysql_field_count(handle) != 0 {
                throw MySQLError.from(handle, operation: .fetching, endpoint: endpoint, statement: sql)
            } else {
                execution = SQLExecution(
                    affectedRows: AffectedRows.count(mysql_affected_rows(handle)),
                    lastInsertID: AffectedRows.insertID(mysql_insert_id(handle)))
            }
            // 0: another result follows; -1: that was the last; above 0: an error.
            let next = mysql_next_result(handle)
            if next == -1 { break }
            if next > 0 {
                throw MySQLError.from(handle, operation: operation, endpoint: endpoint, statement: sql)
            }
        }
        return execution
    }
}

/// libmariadb's counters, made into the shared layer's numbers.
enum AffectedRows {
    /// `(my_ulonglong)-1` means "no count" (after an error or for a SELECT).
    static func count(_ raw: UInt64) -> Int {
        raw == UInt64.max ? 0 : Int(clamping: raw)
    }

    /// Zero means the statement generated no id.
    static func insertID(_ raw: UInt64) -> Int64? {
        raw == 0 ? nil : Int64(exactly: raw)
    }
}
