extension SchemaMigration {
    /// `gg_key_state`: each key's status, failures and cooldowns, so a restart does not forget
    /// which keys are benched or cooling down.
    static let keyStateTable = SchemaMigration(version: 3, name: "key state table") { context in
        try await context.ensureTable(GemgateTables.keyState)
    }
}
