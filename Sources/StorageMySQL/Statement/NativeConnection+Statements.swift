import CMariaDB
import StorageSQL

/// What one statement returned.
struct StatementOutcome: Sendable {
    var rows: [SQLRow]
    var execution: SQLExecution
}

extension NativeConnection {
    /// Runs one statement through the binary protocol: prepare, bind, execute, read, close.
    ///
    /// The few statements the server cannot prepare (error 1295) run through the text protocol
    /// when they have no values and no rows are wanted.
    func run(
        _ sql: String, _ binds: [SQLValue], readingRows: Bool, initialBufferLimit: Int = .max
    ) throws(MySQLError) -> StatementOutcome {
        let handle = try liveHandle(for: sql)
        let statement: PreparedStatement
        do {
            statement = try PreparedStatement(sql, on: handle, endpoint: endpoint)
        } catch where error.code == MySQLErrorCode.notSupportedInPreparedStatements && binds.isEmpty && !readingRows {
            return StatementOutcome(rows: [], execution: try runText(sql, operation: .executing))
        }
        defer { statement.close() }

        // The values' memory outlives execute(): it is freed when this function returns.
        let parameters = ParameterBindings(binds)
        defer { parameters.deallocate() }
        try statement.bind(parameters)
        try statement.execute()

        var rows: [SQLRow] = []
        if statement.returnsRows {
            if readingRows {
                rows = try statement.readRows(initialCapacityLimit: initialBufferLimit)
            } else {
                try statement.discardRows()
            }
        }
        return StatementOutcome(rows: rows, execution: statement.execution)
    }
}
