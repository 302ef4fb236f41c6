import Foundation

/// Logs admins in and out and decides whether a session is still good: not expired (the store
/// checks its own expiry and the current `ADMIN_SESSION_EXPIRE`, whichever is sooner) and made
/// under the admin token in force now. When the admin token changes every session is dropped.
public final class AdminSessions: Sendable {
    public let store: any AdminSessionStore
    let settings: SettingsStore

    /// What checking a session's cookie found.
    enum Check: Sendable {
        case valid(AdminSession)
        /// No cookie, an unknown or expired session, or one made under another admin token.
        case loggedOut
        /// The store did not answer (the shared database is away). Treated as logged out, but
        /// the session is kept: it works again once the database is back.
        case unavailable
    }

    public init(store: any AdminSessionStore, settings: SettingsStore) {
        self.store = store
        self.settings = settings
        settings.onChange { [store] old, new in
            guard old.effectiveAdminToken != new.effectiveAdminToken else { return }
            // `validate` already refuses them (their token binding no longer matches); this
            // frees the memory, or deletes the rows so that instances still on the old token
            // refuse them too.
            let binding = Self.binding(adminToken: new.effectiveAdminToken ?? "")
            Task { try? await store.removeSessions(notBoundTo: binding) }
        }
    }

    /// A new session for an admin who just proved they hold the admin token.
    func start(language: Language) async throws -> NewAdminSession {
        let settings = settings.current
        let session = NewAdminSession(
            id: RandomToken.make(), csrfToken: RandomToken.make(), language: language,
            tokenBinding: Self.binding(adminToken: settings.effectiveAdminToken ?? ""),
            lifetime: .seconds(settings.adminSessionSeconds))
        // Logins are rare, so this is where expired sessions go (a shared database is also
        // swept by the cluster's housekeeping).
        try? await store.removeExpired()
        try await store.insert(session)
        return session
    }

    /// The session with this id if it may still be used; one made under another admin token is
    /// removed. Never throws: a store that fails is reported as `.unavailable` (fail closed).
    func check(id: String) async -> Check {
        guard !id.isEmpty, id.utf8.count <= 128 else { return .loggedOut }
        let settings = settings.current
        let found: AdminSession?
        do {
            found = try await store.session(id: id, maxLifetime: .seconds(settings.adminSessionSeconds))
        } catch {
            return .unavailable
        }
        guard let session = found else { return .loggedOut }
        guard Self.isBound(session, adminToken: settings.effectiveAdminToken ?? "") else {
            try? await store.remove(id: id)
            return .loggedOut
        }
        return .valid(session)
    }

    /// The session if it may be used now; nil when logged out or when it cannot be told.
    func validate(id: String) async -> AdminSession? {
        if case .valid(let session) = await check(id: id) { return session }
        return nil
    }

    /// Made under this admin token (and there is one).
    static func isBound(_ session: AdminSession, adminToken: String) -> Bool {
        !adminToken.isEmpty && Secret.constantTimeEquals(session.tokenBinding, binding(adminToken: adminToken))
    }

    /// Ends a session (logout). Throws when the store could not delete it.
    func end(id: String) async throws {
        try await store.remove(id: id)
    }

    /// Stands for the admin token without being it: a SHA-256 of it under a label of its own, so
    /// it matches no other hash of the token. The same on every instance, so that each one can
    /// tell which sessions a new admin token ends. A shared database already holds the admin
    /// token itself in `t_settings` (gemini-balance's `AUTH_TOKEN`), so this reveals nothing a
    /// reader of the table could not read next door.
    static func binding(adminToken: String) -> String {
        SessionDigest.sha256Hex("gemgate admin session binding\u{0}" + adminToken)
    }
}
