// Catalog queries: which tables, columns and indexes exist. SQLite answers from
// `sqlite_master` and `pragma_table_info`, the servers from `information_schema` (restricted to
// the connection's own database or schema). Every statement returns the same column names, and
// PostgreSQL's catalog types (`name`, `sql_identifier`, `cardinal_number`) are cast to plain
// TEXT/BIGINT so that drivers see only ordinary types.

extension SQLDialect {
    /// One row with `n`: 1 when the table exists. Binds: table name.
    var tableExistsQuery: String {
        switch self {
        case .sqlite:
            return "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?"
        case .mysql:
            return "SELECT COUNT(*) AS n FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = ?"
        case .postgres:
            return "SELECT COUNT(*) AS n FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND CAST(table_name AS TEXT) = ?"
        }
    }

    /// One row per column: `column_name`, `data_type`, `max_characters`, `max_bytes` (the last
    /// two NULL where unlimited or unknown; SQLite reports neither). Binds: table name.
    var columnsQuery: String {
        switch self {
        case .sqlite:
            return "SELECT name AS column_name, type AS data_type, NULL AS max_characters, NULL AS max_bytes"
                + " FROM pragma_table_info(?) ORDER BY cid"
        case .mysql:
            return "SELECT COLUMN_NAME AS column_name, DATA_TYPE AS data_type,"
                + " CHARACTER_MAXIMUM_LENGTH AS max_characters, CHARACTER_OCTET_LENGTH AS max_bytes"
                + " FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?"
                + " ORDER BY ORDINAL_POSITION"
        case .postgres:
            return "SELECT CAST(column_name AS TEXT) AS column_name, CAST(data_type AS TEXT) AS data_type,"
                + " CAST(character_maximum_length AS BIGINT) AS max_characters,"
                + " CAST(character_octet_length AS BIGINT) AS max_bytes"
                + " FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND CAST(table_name AS TEXT) = ?"
                + " ORDER BY ordinal_position"
        }
    }

    /// One row with `n`: 1 when the index exists on the table. Binds: table name, index name.
    var indexExistsQuery: String {
        switch self {
        case .sqlite:
            return "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name = ?"
        case .mysql:
            return "SELECT COUNT(*) AS n FROM information_schema.statistics"
                + " WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ?"
        case .postgres:
            return "SELECT COUNT(*) AS n FROM pg_indexes WHERE schemaname = current_schema()"
                + " AND CAST(tablename AS TEXT) = ? AND CAST(indexname AS TEXT) = ?"
        }
    }
}
