import CMariaDB
import StorageSQL

/// One server-side prepared statement (`MYSQL_STMT*`), run through the binary protocol.
///
/// Lives for one call: prepared, executed once, read, closed. Used on the thread that holds its
/// connection's lock.
struct PreparedStatement {
    private let statement: UnsafeMutablePointer<MYSQL_STMT>
    private let sql: String
    private let endpoint: String

    /// Prepares `sql` on the server. Nothing has run if this throws.
    init(_ sql: String, on handle: UnsafeMutablePointer<MYSQL>, endpoint: String) throws(MySQLError) {
        guard let statement = mysql_stmt_init(handle) else {
            throw MySQLError.from(handle, operation: .preparing, endpoint: endpoint, statement: sql)
        }
        let status = sql.withCString { mysql_stmt_prepare(statement, $0, UInt(sql.utf8.count)) }
        guard status == 0 else {
            let error = MySQLError.from(statement, operation: .preparing, endpoint: endpoint, sql: sql)
            mysql_stmt_close(statement)
            throw error
        }
        self.statement = statement
        self.sql = sql
        self.endpoint = endpoint
    }

    var parameterCount: Int { Int(mysql_stmt_param_count(statement)) }

    /// Binds the values. Their memory must stay alive until `execute()` has returned.
    func bind(_ parameters: ParameterBindings) throws(MySQLError) {
        guard parameters.count == parameterCount else {
            throw .driver(
                "The statement has \(parameterCount) placeholders but \(parameters.count) values were given.",
                operation: .binding, endpoint: endpoint, statement: sql)
        }
        guard let binds = parameters.binds else { return }
        guard mysql_stmt_bind_param(statement, binds) == 0 else {
            throw fail(.binding)
        }
    }

    func execute() throws(MySQLError) {
        // Makes store_result compute each column's longest value, so buffers can be sized exactly.
        var updateMaxLength: my_bool = 1
        guard mysql_stmt_attr_set(statement, STMT_ATTR_UPDATE_MAX_LENGTH, &updateMaxLength) == 0 else {
            throw fail(.executing)
        }
        guard mysql_stmt_execute(statement) == 0 else {
            throw fail(.executing)
        }
    }

    var returnsRows: Bool { mysql_stmt_field_count(statement) > 0 }

    /// Reads the whole result.
    func readRows(initialCapacityLimit: Int = .max) throws(MySQLError) -> [SQLRow] {
        guard mysql_stmt_store_result(statement) == 0 else { throw fail(.fetching) }
        defer { mysql_stmt_free_result(statement) }
        // Metadata is read after store_result, which filled in max_length.
        guard let metadata = mysql_stmt_result_metadata(statement) else { throw fail(.fetching) }
        defer { mysql_free_result(metadata) }
        let count = Int(mysql_num_fields(metadata))
        guard count > 0, let fields = mysql_fetch_fields(metadata) else { return [] }

        let buffers = ResultBuffers(fields: fields, count: count, initialCapacityLimit: initialCapacityLimit)
        defer { buffers.deallocate() }
        guard mysql_stmt_bind_result(statement, buffers.binds) == 0 else { throw fail(.fetching) }

        var rows: [SQLRow] = []
        rows.reserveCapacity(Int(clamping: mysql_stmt_num_rows(statement)))
        while true {
            let status = mysql_stmt_fetch(statement)
            if status == MYSQL_NO_DATA { break }
            if status == MYSQL_DATA_TRUNCATED {
                try buffers.refetchTruncatedColumns(of: statement, endpoint: endpoint, sql: sql)
            } else if status != 0 {
                throw fail(.fetching)
            }
            rows.append(SQLRow(columns: buffers.columnNames, values: buffers.currentRow()))
        }
        return rows
    }

    /// Reads and drops a result nobody asked for, so the connection is ready for the next statement.
    func discardRows() throws(MySQLError) {
        guard mysql_stmt_store_result(statement) == 0 else { throw fail(.fetching) }
        mysql_stmt_free_result(statement)
    }

    var execution: SQLExecution {
        SQLExecution(
            affectedRows: AffectedRows.count(mysql_stmt_affected_rows(statement)),
            lastInsertID: AffectedRows.insertID(mysql_stmt_insert_id(statement)))
    }

    func close() {
        mysql_stmt_close(statement)
    }

    private func fail(_ operation: MySQLError.Operation) -> MySQLError {
        .from(statement, operation: operation, endpoint: endpoint, sql: sql)
    }
}
