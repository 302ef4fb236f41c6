extension SchemaMigration {
    /// Covering indexes for the panel: the monitor's window counts and per-minute trend read
    /// only `(request_time, is_success)`, so a month of a million rows is counted from the index
    /// alone; "keys needing attention" reads error logs by code within a window.
    static let panelIndexes = SchemaMigration(version: 5, name: "panel indexes") { context in
        for index in IndexDefinition.panelIndexes {
            try await context.ensureIndex(index)
        }
    }
}

extension IndexDefinition {
    static let panelIndexes = [
        IndexDefinition(
            name: "gg_idx_request_log_time_success", table: "t_request_log", columns: ["request_time", "is_success"]),
        IndexDefinition(
            name: "gg_idx_error_logs_code_time", table: "t_error_logs", columns: ["error_code", "request_time"]),
    ]
}
