extension SchemaMigration {
    /// `gg_instances`, `gg_leases`, `gg_changes` (several instances on one database) and
    /// `gg_transfer_progress` (`gemgate migrate`). Created on SQLite too, where they stay
    /// almost empty, so a database can move between backends with `gemgate migrate`.
    static let clusterTables = SchemaMigration(version: 6, name: "cluster and transfer tables") { context in
        try await context.ensureTable(ClusterTables.instances)
        try await context.ensureTable(ClusterTables.leases)
        try await context.ensureTable(ClusterTables.changes)
        try await context.ensureIndex(ClusterTables.changesCreatedIndex)
        try await context.ensureTable(ClusterTables.transferProgress)
    }
}
