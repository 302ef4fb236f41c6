// DDL type names per database. The gemini-balance columns are spelled as SQLAlchemy's
// `create_all` spells them (storage-notes §6), so a table Gemgate creates is the table
// gemini-balance would have created; deliberate differences are noted inline.

extension SQLDialect {
    func columnType(_ type: ColumnType) -> String {
        switch (self, type) {
        // SQLite: `INTEGER … PRIMARY KEY` makes `id` the rowid, as in gemini-balance's files.
        case (.sqlite, .autoIncrementID): return "INTEGER NOT NULL PRIMARY KEY"
        case (.mysql, .autoIncrementID): return "INT NOT NULL AUTO_INCREMENT PRIMARY KEY"
        // PostgreSQL has no gemini-balance history to match; a 64-bit id costs nothing.
        case (.postgres, .autoIncrementID): return "BIGSERIAL PRIMARY KEY"

        case (.mysql, .integer): return "INT"
        case (_, .integer): return "INTEGER"
        case (_, .bigInteger): return "BIGINT"

        case (.sqlite, .boolean): return "BOOLEAN"
        case (.mysql, .boolean): return "TINYINT(1)"
        // SMALLINT rather than BOOLEAN so that 0/1 binds work as on the other two.
        case (.postgres, .boolean): return "SMALLINT"

        case (_, .varchar(let length)): return "VARCHAR(\(length))"
        case (.mysql, .caseSensitiveVarchar(let length)):
            return "VARCHAR(\(length)) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
        case (_, .caseSensitiveVarchar(let length)): return "VARCHAR(\(length))"

        case (_, .text): return "TEXT"
        // Deliberately larger than gemini-balance's `TEXT` in tables Gemgate creates on MySQL;
        // SQLAlchemy reads LONGTEXT the same way. An existing TEXT column stays as it is.
        case (.mysql, .largeText): return "LONGTEXT"
        case (_, .largeText): return "TEXT"

        case (.sqlite, .json), (.mysql, .json): return "JSON"
        // Plain text: PostgreSQL will not assign a text parameter to a json column.
        case (.postgres, .json): return "TEXT"

        case (.sqlite, .naiveDateTime), (.mysql, .naiveDateTime): return "DATETIME"
        case (.postgres, .naiveDateTime): return "TIMESTAMP"

        case (.mysql, .enumeration(let names, _)):
            return "ENUM(" + names.map { "'\($0)'" }.joined(separator: ",") + ")"
        case (_, .enumeration(_, let length)): return "VARCHAR(\(length))"
        }
    }
}
