// The dialect differences in statements (DDL types are in SQLDialect+ColumnTypes.swift, catalog
// queries in SQLDialect+Catalog.swift). Queries are written once, with `?` placeholders, and ask
// the dialect only for the pieces that differ; nothing else in the layer switches on a dialect.

extension SQLDialect {
    /// Quotes an identifier. Required for `key`, a reserved word in MySQL; used in DDL for every
    /// name so that no future column trips over another reserved word.
    func quoted(_ identifier: String) -> String {
        switch self {
        case .mysql: return "`" + identifier.replacingOccurrences(of: "`", with: "``") + "`"
        case .sqlite, .postgres: return "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }

    /// `(?, ?, ?)` with `count` placeholders.
    static func placeholders(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ", ") + ")"
    }

    // MARK: Naive timestamps (gemini-balance's DATETIME columns)

    /// The placeholder for a naive timestamp, bound as text `YYYY-MM-DD HH:MM:SS[.ffffff]`.
    /// PostgreSQL will not assign or compare a text parameter to a `timestamp` column, so it
    /// gets an explicit cast; MySQL converts the text itself and SQLite stores it as it is.
    var timestampPlaceholder: String {
        switch self {
        case .postgres: return "CAST(? AS TIMESTAMP)"
        case .sqlite, .mysql: return "?"
        }
    }

    /// A naive timestamp column read back as text, so that no driver has to decode date types.
    func timestampAsText(_ column: String) -> String {
        switch self {
        case .sqlite: return column
        case .mysql: return "CAST(\(column) AS CHAR)"
        case .postgres: return "CAST(\(column) AS TEXT)"
        }
    }

    /// Fraction digits written into naive timestamps: MySQL's `DATETIME` keeps whole seconds
    /// (and would round, not truncate, a fraction), the others keep microseconds.
    var timestampFractionDigits: Int {
        switch self {
        case .mysql: return 0
        case .sqlite, .postgres: return 6
        }
    }

    // MARK: Upsert

    /// The clause that follows `INSERT INTO t (...) VALUES (...), (...)` to update the rows whose
    /// `conflictColumns` already exist (they must form a primary key or a unique index).
    func upsertClause(conflictColumns: [String], updating columns: [String]) -> String {
        switch self {
        case .mysql:
            let assignments = columns.map { "\(quoted($0)) = VALUES(\(quoted($0)))" }
            return "ON DUPLICATE KEY UPDATE " + assignments.joined(separator: ", ")
        case .sqlite, .postgres:
            let target = conflictColumns.map(quoted).joined(separator: ", ")
            let assignments = columns.map { "\(quoted($0)) = excluded.\(quoted($0))" }
            return "ON CONFLICT (\(target)) DO UPDATE SET " + assignments.joined(separator: ", ")
        }
    }

    // MARK: Searching

    /// `column LIKE ? ESCAPE '!'`, ignoring case on every database (PostgreSQL needs `ILIKE`;
    /// SQLite's LIKE and MySQL's default collations already ignore case). Bind
    /// `SQLDialect.likePattern(containing:)`. `!` is the escape because a backslash would itself
    /// need escaping inside MySQL string literals.
    func containsIgnoringCase(_ column: String) -> String {
        switch self {
        case .postgres: return "\(column) ILIKE ? ESCAPE '!'"
        case .sqlite, .mysql: return "\(column) LIKE ? ESCAPE '!'"
        }
    }

    static func likePattern(containing text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "!" || character == "%" || character == "_" { escaped.append("!") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }

    /// `LIMIT ? OFFSET ?` is accepted by all three; kept here so paging queries need not know.
    static let limitOffset = "LIMIT ? OFFSET ?"

    // MARK: Deleting in chunks

    /// A DELETE of at most `limit` rows of `table` that match `condition` (which may hold `?`).
    /// MySQL has `DELETE … LIMIT` but refuses LIMIT in an `IN (SELECT …)`; PostgreSQL has no
    /// `DELETE … LIMIT`, and SQLite only when built with an option Debian's is not: those two
    /// pick the ids in a subquery.
    func deleteAtMost(_ limit: Int, from table: String, where condition: String) -> String {
        switch self {
        case .mysql:
            return "DELETE FROM \(table) WHERE \(condition) LIMIT \(limit)"
        case .sqlite, .postgres:
            return "DELETE FROM \(table) WHERE id IN (SELECT id FROM \(table) WHERE \(condition) LIMIT \(limit))"
        }
    }

    // MARK: Migrations

    /// Statements that keep two Gemgate processes from migrating the same database at once.
    /// SQLite needs none: its transactions start with `BEGIN IMMEDIATE`, which already excludes
    /// other writers. PostgreSQL's lock ends with the transaction. MySQL's is per session (DDL
    /// commits implicitly there), so it must be released explicitly.
    var migrationLock: (acquire: String, release: String?)? {
        switch self {
        case .sqlite:
            return nil
        case .postgres:
            return ("SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(4707360001)) AS lock_call", nil)
        case .mysql:
            return ("SELECT GET_LOCK('gemgate_schema_migrations', 120) AS locked",
                    "SELECT RELEASE_LOCK('gemgate_schema_migrations') AS released")
        }
    }

    /// Table options for tables Gemgate creates. MySQL's would otherwise take the database's
    /// default character set, which may not hold Chinese or emoji.
    var createTableSuffix: String {
        switch self {
        case .mysql: return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
        case .sqlite, .postgres: return ""
        }
    }
}
