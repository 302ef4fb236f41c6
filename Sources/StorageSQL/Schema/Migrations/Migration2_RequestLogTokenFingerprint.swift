extension SchemaMigration {
    /// `t_request_log.token_fingerprint`: which client token made each call, for per-token usage.
    /// Nullable, so gemini-balance's inserts (which do not name it) keep working.
    static let requestLogTokenFingerprint = SchemaMigration(version: 2, name: "request log token fingerprint") { context in
        try await context.ensureColumn(GemgateTables.tokenFingerprint, in: GeminiBalanceTables.requestLog)
    }
}
