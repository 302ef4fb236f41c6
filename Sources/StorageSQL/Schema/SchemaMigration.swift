/// One versioned step of Gemgate's schema. Each step is idempotent on its own (it checks the
/// catalog before it creates or adds anything), because on MySQL DDL commits implicitly and a
/// step interrupted half-way cannot be rolled back; it simply runs again on the next start.
struct SchemaMigration: Sendable {
    let version: Int
    let name: String
    let apply: @Sendable (MigrationContext) async throws -> Void

    /// Every migration, in order. Append new ones; never edit or renumber an applied one.
    static let all: [SchemaMigration] = [
        .geminiBalanceTables,
        .requestLogTokenFingerprint,
        .keyStateTable,
        .logIndexes,
        .panelIndexes,
        .clusterTables,
        .adminSessionTables,
    ]
}

/// What a migration works with: one connection inside the migration's transaction.
struct MigrationContext: Sendable {
    let connection: any SQLConnection
    let dialect: SQLDialect

    var catalog: SchemaCatalog { SchemaCatalog(connection: connection, dialect: dialect) }

    /// Creates the table when missing; otherwise adds the columns it lacks (nullable), leaving
    /// every existing column exactly as it is.
    func ensureTable(_ table: TableDefinition) async throws {
        guard try await catalog.tableExists(table.name) else {
            try await connection.execute(table.createStatement(for: dialect), [])
            return
        }
        let existing = Set(try await catalog.columns(of: table.name).map(\.name))
        for column in table.columns where !existing.contains(column.name) && column.type != .autoIncrementID {
            try await connection.execute(table.addColumnStatement(column, for: dialect), [])
        }
    }

    /// Adds one nullable column to an existing table, unless it is already there.
    func ensureColumn(_ column: ColumnDefinition, in table: TableDefinition) async throws {
        let existing = try await catalog.columns(of: table.name).map(\.name)
        guard !existing.contains(column.name) else { return }
        try await connection.execute(table.addColumnStatement(column, for: dialect), [])
    }

    /// Creates the index unless one of that name exists (MySQL has no `CREATE INDEX IF NOT EXISTS`).
    func ensureIndex(_ index: IndexDefinition) async throws {
        guard try await !catalog.indexExists(index.name, on: index.table) else { return }
        try await connection.execute(index.createStatement(for: dialect), [])
    }
}
