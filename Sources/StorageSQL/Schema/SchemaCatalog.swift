/// What the database holds now: tables, columns, indexes. Read, never cached, because
/// migrations change it and another process (gemini-balance) may share the database.
struct SchemaCatalog: Sendable {
    struct Column: Sendable, Equatable {
        /// Lower-cased.
        let name: String
        let dataType: String
        let limit: ColumnLimit
    }

    let connection: any SQLConnection
    let dialect: SQLDialect

    func tableExists(_ table: String) async throws -> Bool {
        let rows = try await connection.query(dialect.tableExistsQuery, [.text(table)])
        return (rows.first?["n"].int64 ?? 0) > 0
    }

    /// The table's columns in order; empty when the table does not exist.
    func columns(of table: String) async throws -> [Column] {
        let rows = try await connection.query(dialect.columnsQuery, [.text(table)])
        return rows.compactMap { row in
            guard let name = row["column_name"].string else { return nil }
            let limit = ColumnLimit(maxCharacters: row["max_characters"].int, maxBytes: row["max_bytes"].int)
            return Column(name: name.lowercased(), dataType: row["data_type"].string ?? "", limit: limit)
        }
    }

    func indexExists(_ index: String, on table: String) async throws -> Bool {
        let rows = try await connection.query(dialect.indexExistsQuery, [.text(table), .text(index)])
        return (rows.first?["n"].int64 ?? 0) > 0
    }
}
