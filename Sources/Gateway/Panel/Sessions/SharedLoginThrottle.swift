import Foundation
import Logging

/// The login throttle of instances that share a database: failures per client address are
/// counted in the database (`AdminSessionStorage`), so ten wrong logins lock the address out on
/// every instance, however the load balancer spreads them.
///
/// While the database does not answer, no login can succeed (the session could not be kept) and
/// failures are counted in this process instead, so an outage gives no free tries.
public final class SharedLoginThrottle: LoginThrottling {
    let storage: any AdminSessionStorage
    let rule: LoginFailureRule
    /// Failures the database could not record.
    let fallback: LoginThrottle
    let answerWithin: Duration
    let logger: Logger

    public init(
        storage: any AdminSessionStorage, rule: LoginFailureRule = .adminLogin, answerWithin: Duration = .seconds(5),
        logger: Logger
    ) {
        self.storage = storage
        self.rule = rule
        self.fallback = LoginThrottle()
        self.answerWithin = answerWithin
        self.logger = logger
    }

    public func lockedUntil(_ address: String) async throws -> Date? {
        if let until = fallback.lockedUntil(address) { return until }
        let key = Self.key(address)
        return try await waitAtMost(answerWithin) { [storage] in try await storage.loginLockout(address: key) }
    }

    @discardableResult
    public func recordFailure(_ address: String) async -> Date? {
        let key = Self.key(address)
        do {
            return try await waitAtMost(answerWithin) { [storage, rule] in
                try await storage.recordLoginFailure(address: key, rule: rule)
            }
        } catch {
            logger.warning(
                "A failed admin login could not be counted in the database; it is counted on this instance only.",
                metadata: ["cause": "\(DatabaseHealth.describe(error))"])
            return fallback.recordFailure(address)
        }
    }

    public func recordSuccess(_ address: String) async {
        fallback.recordSuccess(address)
        let key = Self.key(address)
        do {
            try await waitAtMost(answerWithin) { [storage] in try await storage.clearLoginFailures(address: key) }
        } catch {
            // The stale failures only count until their window passes.
            logger.notice("The failed logins of an address that has now logged in could not be cleared in the database.")
        }
    }

    /// One spelling per address on every database (IPv6 hex digits may arrive in either case
    /// from a proxy's header; an IPv6 client counts per /64), short enough for the column.
    static func key(_ address: String) -> String {
        String(ThrottledAddress.of(address).prefix(64))
    }
}
