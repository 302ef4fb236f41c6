/// The admin panel's own state: sessions, the login throttle, key-verification jobs and the
/// monitor's kept counts.
public final class PanelServices: Sendable {
    public let sessions: AdminSessions
    public let loginThrottle: LoginThrottle
    public let verificationJobs: VerificationJobs
    /// The monitor's call counts, with the month's history counted once an hour.
    public let callWindows: CallWindowCounter

    public init(
        settings: SettingsStore, verifier: KeyVerifier,
        sessionStore: any AdminSessionStore = InMemoryAdminSessionStore()
    ) {
        sessions = AdminSessions(store: sessionStore, settings: settings)
        loginThrottle = LoginThrottle()
        verificationJobs = VerificationJobs(verifier: verifier)
        callWindows = CallWindowCounter()
    }
}
