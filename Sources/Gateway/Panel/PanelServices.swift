/// The admin panel's own state: sessions, the login throttle and key-verification jobs.
public final class PanelServices: Sendable {
    public let sessions: AdminSessions
    public let loginThrottle: LoginThrottle
    public let verificationJobs: VerificationJobs

    public init(
        settings: SettingsStore, verifier: KeyVerifier,
        sessionStore: any AdminSessionStore = InMemoryAdminSessionStore()
    ) {
        sessions = AdminSessions(store: sessionStore, settings: settings)
        loginThrottle = LoginThrottle()
        verificationJobs = VerificationJobs(verifier: verifier)
    }
}
