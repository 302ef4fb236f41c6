// The dialect pieces the panel's queries need (see `PanelQueries/`).

extension SQLDialect {
    /// A naive timestamp column cut to its minute, as text `YYYY-MM-DD HH:MM` (local time of the
    /// log zone, like the column itself), for grouping calls per minute.
    func minuteOf(_ column: String) -> String {
        switch self {
        // SQLite keeps the timestamp as the text gemini-balance (SQLAlchemy) and Gemgate write.
        case .sqlite: return "substr(\(column), 1, 16)"
        case .mysql: return "DATE_FORMAT(\(column), '%Y-%m-%d %H:%i')"
        case .postgres: return "to_char(\(column), 'YYYY-MM-DD HH24:MI')"
        }
    }
}
