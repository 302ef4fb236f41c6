import Logging

/// The admin panel's own state: sessions, the login throttle, key-verification jobs and the
/// monitor's kept counts.
public final class PanelServices: Sendable {
    public let sessions: AdminSessions
    public let loginThrottle: any LoginThrottling
    public let verificationJobs: VerificationJobs
    /// The monitor's call counts, with the month's history counted once an hour.
    public let callWindows: CallWindowCounter

    /// Sessions and failed logins live in the database when several instances share it (as the
    /// cluster code decides, `storage.isShared`), so a login is honoured by whichever instance
    /// the load balancer picks; in memory for one instance on a SQLite file.
    public init(settings: SettingsStore, verifier: KeyVerifier, storage: any Storage, logger: Logger) {
        if storage.isShared {
            sessions = AdminSessions(store: StoredAdminSessionStore(storage: storage), settings: settings)
            loginThrottle = SharedLoginThrottle(storage: storage, logger: logger)
        } else {
            sessions = AdminSessions(store: InMemoryAdminSessionStore(), settings: settings)
            loginThrottle = LoginThrottle()
        }
        verificationJobs = VerificationJobs(verifier: verifier)
        callWindows = CallWindowCounter()
    }
}
