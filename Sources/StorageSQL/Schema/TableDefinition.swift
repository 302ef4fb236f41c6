/// A table described once and rendered per dialect: used to create missing tables and to add
/// the columns an older copy of the table lacks.
struct TableDefinition: Sendable {
    let name: String
    let columns: [ColumnDefinition]

    func column(named name: String) -> ColumnDefinition? {
        columns.first { $0.name == name }
    }

    /// `CREATE TABLE IF NOT EXISTS …` for the dialect.
    func createStatement(for dialect: SQLDialect) -> String {
        let body = columns.map { "    " + $0.definition(for: dialect, asAddedColumn: false) }
        return "CREATE TABLE IF NOT EXISTS \(dialect.quoted(name)) (\n"
            + body.joined(separator: ",\n") + "\n)" + dialect.createTableSuffix
    }

    /// `ALTER TABLE … ADD COLUMN …` for a column an existing table lacks. Always nullable and
    /// without constraints: the existing rows have no value for it, and gemini-balance (which
    /// does not know the column) inserts rows without it.
    func addColumnStatement(_ column: ColumnDefinition, for dialect: SQLDialect) -> String {
        "ALTER TABLE \(dialect.quoted(name)) ADD COLUMN " + column.definition(for: dialect, asAddedColumn: true)
    }
}

struct ColumnDefinition: Sendable {
    enum Constraint: Sendable {
        case none
        case notNull
        case unique
        case primaryKey
    }

    let name: String
    let type: ColumnType
    let constraint: Constraint

    init(_ name: String, _ type: ColumnType, _ constraint: Constraint = .none) {
        self.name = name
        self.type = type
        self.constraint = constraint
    }

    func definition(for dialect: SQLDialect, asAddedColumn: Bool) -> String {
        let typeText = dialect.columnType(type)
        var text = dialect.quoted(name) + " " + typeText
        guard !asAddedColumn, type != .autoIncrementID else { return text }
        switch constraint {
        case .none: break
        case .notNull: text += " NOT NULL"
        case .unique: text += " NOT NULL UNIQUE"
        case .primaryKey: text += " NOT NULL PRIMARY KEY"
        }
        return text
    }
}

/// Column types by meaning; `SQLDialect.columnType(_:)` spells them per database.
enum ColumnType: Sendable, Equatable {
    /// gemini-balance's `id`: an auto-incrementing integer primary key.
    case autoIncrementID
    case integer
    case bigInteger
    /// 0/1 (gemini-balance's `BOOL`).
    case boolean
    case varchar(Int)
    /// A VARCHAR compared byte for byte even on MySQL, whose default collations ignore case
    /// (API keys differ by case).
    case caseSensitiveVarchar(Int)
    case text
    /// Text that may be large (an upstream error body); `TEXT` holds only 64 KB on MySQL.
    case largeText
    /// JSON stored as text.
    case json
    /// A timestamp without zone (gemini-balance's `DATETIME`).
    case naiveDateTime
    /// A fixed set of names (gemini-balance's `Enum`), `VARCHAR(length)` where there is no ENUM.
    case enumeration([String], length: Int)
}
