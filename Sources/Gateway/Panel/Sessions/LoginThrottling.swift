import Foundation

/// Counts failed admin logins per client address and locks an address out after too many
/// (`LoginFailureRule.adminLogin`): `LoginThrottle` in memory for one instance,
/// `SharedLoginThrottle` in the database that several instances share, so that spreading tries
/// over the instances gains an attacker nothing.
public protocol LoginThrottling: Sendable {
    /// Until when the address may not try again, if it is locked out now. Throws when that cannot
    /// be told (the database is away); the login is then refused.
    func lockedUntil(_ address: String) async throws -> Date?

    /// Notes a failed login; returns the end of the lockout when this failure started one.
    @discardableResult
    func recordFailure(_ address: String) async -> Date?

    /// A successful login: the address starts again from nothing.
    func recordSuccess(_ address: String) async
}

extension LoginThrottle: LoginThrottling {}

extension LoginFailureRule {
    /// The admin panel's rule, the same in memory and in the database.
    public static let adminLogin = LoginFailureRule(
        maxFailures: LoginThrottle.maxFailures, window: .seconds(LoginThrottle.window),
        lockout: .seconds(LoginThrottle.lockout))
}
