/// Recognises a database that gemini-balance created and Gemgate has not opened before.
enum GeminiBalanceDetection {
    struct Finding: Sendable {
        /// `t_settings` exists and `gg_schema_migrations` does not.
        let isUntouchedGeminiBalanceDatabase: Bool
        /// gemini-balance tables found, and the columns of its newest schema each one lacks.
        let missingColumnsByTable: [(table: String, missing: [String])]
    }

    static func inspect(_ catalog: SchemaCatalog) async throws -> Finding {
        let hasSettings = try await catalog.tableExists(GeminiBalanceTables.settings.name)
        let hasMigrations = try await catalog.tableExists(GemgateTables.schemaMigrations.name)
        guard hasSettings && !hasMigrations else {
            return Finding(isUntouchedGeminiBalanceDatabase: false, missingColumnsByTable: [])
        }
        var missing: [(table: String, missing: [String])] = []
        for table in GeminiBalanceTables.all {
            let present = Set(try await catalog.columns(of: table.name).map(\.name))
            if present.isEmpty {
                missing.append((table.name, ["(whole table)"]))
            } else {
                let lacking = table.columns.map(\.name).filter { !present.contains($0) }
                if !lacking.isEmpty { missing.append((table.name, lacking)) }
            }
        }
        return Finding(isUntouchedGeminiBalanceDatabase: true, missingColumnsByTable: missing)
    }
}
