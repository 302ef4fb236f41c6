// Small read-only helpers for tests, diagnostics and the panel: row counts and the columns a
// table has now.
extension SQLStorage {
    /// The tables this layer knows; only these can be named, so no caller-supplied text ever
    /// becomes an identifier in SQL.
    public enum Table: String, Sendable, CaseIterable {
        case settings = "t_settings"
        case requestLog = "t_request_log"
        case errorLogs = "t_error_logs"
        case fileRecords = "t_file_records"
        case keyState = "gg_key_state"
        case schemaMigrations = "gg_schema_migrations"
    }

    public func countRows(table: Table) async throws -> Int {
        let rows = try await driver.query("SELECT COUNT(*) AS n FROM \(dialect.quoted(table.rawValue))", [])
        return rows.first?["n"].int ?? 0
    }

    /// The table's column names, lower-cased, in order; empty when it does not exist.
    public func columnNames(of table: String) async throws -> [String] {
        let catalog = SchemaCatalog(connection: DriverConnection(driver: driver), dialect: dialect)
        return try await catalog.columns(of: table).map(\.name)
    }

    /// The versions recorded in `gg_schema_migrations`, ascending.
    public func appliedSchemaVersions() async throws -> [Int] {
        let rows = try await driver.query("SELECT version FROM gg_schema_migrations ORDER BY version", [])
        return rows.compactMap { $0["version"].int }
    }
}
