extension SchemaMigration {
    /// `gg_admin_sessions`, `gg_login_failures`, `gg_login_lockouts`: the admin panel's sessions
    /// and login throttle, shared by the instances on one MySQL or PostgreSQL database. Created
    /// on SQLite too (where one instance keeps them in memory and the tables stay empty), so the
    /// schema is the same everywhere.
    static let adminSessionTables = SchemaMigration(version: 7, name: "admin sessions and login throttle") { context in
        try await context.ensureTable(AdminSessionTables.sessions)
        try await context.ensureIndex(AdminSessionTables.sessionsExpiryIndex)
        try await context.ensureTable(AdminSessionTables.loginFailures)
        try await context.ensureIndex(AdminSessionTables.loginFailuresAddressIndex)
        try await context.ensureTable(AdminSessionTables.loginLockouts)
    }
}
