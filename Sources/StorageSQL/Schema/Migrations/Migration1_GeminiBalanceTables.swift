extension SchemaMigration {
    /// gemini-balance's tables: created on a new database; on an old gemini-balance database,
    /// completed with the columns its newer versions added (an `t_error_logs` from before
    /// 2025-04-10 has no `model_name`, `error_type` or `error_code`).
    static let geminiBalanceTables = SchemaMigration(version: 1, name: "gemini-balance tables") { context in
        for table in GeminiBalanceTables.all {
            try await context.ensureTable(table)
        }
    }
}
