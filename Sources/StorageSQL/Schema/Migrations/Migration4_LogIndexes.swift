extension SchemaMigration {
    /// Indexes for the panel's time-window queries over the logs (see `IndexDefinition.logIndexes`).
    /// On a large existing log this takes a few seconds, once.
    static let logIndexes = SchemaMigration(version: 4, name: "log indexes") { context in
        for index in IndexDefinition.logIndexes {
            try await context.ensureIndex(index)
        }
    }
}
