import Foundation

/// Logs admins in and out and decides whether a session is still good: not expired (by its
/// own expiry and by the current `ADMIN_SESSION_EXPIRE`, whichever is sooner) and made under
/// the admin token in force now. When the admin token changes every session is dropped.
public final class AdminSessions: Sendable {
    public let store: any AdminSessionStore
    let settings: SettingsStore
    let now: @Sendable () -> Date

    public init(store: any AdminSessionStore, settings: SettingsStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.settings = settings
        self.now = now
        settings.onChange { [store] old, new in
            guard old.effectiveAdminToken != new.effectiveAdminToken else { return }
            // `validate` already refuses them (their token binding no longer matches); this only
            // frees the memory or rows.
            Task { try? await store.removeAll() }
        }
    }

    /// A new session for an admin who just proved they hold the admin token.
    func start() async throws -> AdminSession {
        let current = now()
        let id = RandomToken.make()
        let session = AdminSession(
            id: id, csrfToken: RandomToken.make(), createdAt: current,
            expiresAt: current.addingTimeInterval(TimeInterval(settings.current.adminSessionSeconds)),
            tokenBinding: Self.binding(id: id, adminToken: settings.current.effectiveAdminToken ?? ""))
        try? await store.removeExpired(before: current)
        try await store.insert(session)
        return session
    }

    /// The session with this id if it may still be used; an unusable one is removed.
    func validate(id: String) async -> AdminSession? {
        guard !id.isEmpty, id.utf8.count <= 128, let session = try? await store.session(id: id) else { return nil }
        let settings = settings.current
        guard Self.isUsable(
            session, now: now(), lifetimeSeconds: settings.adminSessionSeconds, adminToken: settings.effectiveAdminToken ?? "")
        else {
            try? await store.remove(id: id)
            return nil
        }
        return session
    }

    /// Not past its own expiry, not older than the lifetime allowed now, and made under this
    /// admin token.
    static func isUsable(_ session: AdminSession, now: Date, lifetimeSeconds: Int, adminToken: String) -> Bool {
        let lifetimeEnd = session.createdAt.addingTimeInterval(TimeInterval(lifetimeSeconds))
        let bound = !adminToken.isEmpty
            && Secret.constantTimeEquals(session.tokenBinding, binding(id: session.id, adminToken: adminToken))
        return session.expiresAt > now && lifetimeEnd > now && bound
    }

    func end(id: String) async {
        try? await store.remove(id: id)
    }

    static func binding(id: String, adminToken: String) -> String {
        Secret.fingerprint(id + "\u{0}" + adminToken)
    }
}
