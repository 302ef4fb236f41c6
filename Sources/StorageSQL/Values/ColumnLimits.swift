import Gateway

/// How much text a column accepts, as the database reports it.
///
/// MySQL in strict mode and PostgreSQL refuse an over-long value instead of cutting it, and a
/// refused row would take its whole batch down with it. So the layer fits values to the real
/// column (read at `prepare()`, because an old gemini-balance database keeps its own types:
/// `error_log` is `TEXT`, 64 KB, on MySQL). SQLite enforces no length, so it has no limits.
struct ColumnLimit: Sendable, Equatable {
    /// Characters (Unicode scalars, which is what MySQL and PostgreSQL count).
    var maxCharacters: Int?
    /// Bytes of UTF-8.
    var maxBytes: Int?
}

struct ColumnLimits: Sendable {
    private var limits: [String: ColumnLimit] = [:]

    static let none = ColumnLimits()

    mutating func set(_ limit: ColumnLimit, table: String, column: String) {
        limits["\(table).\(column)"] = limit
    }

    func limit(table: String, column: String) -> ColumnLimit? {
        limits["\(table).\(column)"]
    }

    /// The value cut to fit, or unchanged when it fits or the column is unknown.
    func fit(_ text: String, table: String, column: String) -> String {
        guard let limit = limit(table: table, column: column) else { return text }
        return TextFitting.fit(text, maxCharacters: limit.maxCharacters, maxBytes: limit.maxBytes)
    }

    func fit(_ text: String?, table: String, column: String) -> String? {
        text.map { fit($0, table: table, column: column) }
    }
}
