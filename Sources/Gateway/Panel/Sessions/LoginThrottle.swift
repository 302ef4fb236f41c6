import Foundation
import Synchronization

/// Counts failed logins per client address (per /64 for IPv6, see `ThrottledAddress`):
/// `maxFailures` within `window` lock that address out for `lockout`, even with the right token.
/// A success clears the address's count.
public final class LoginThrottle: Sendable {
    public static let maxFailures = 10
    public static let window: TimeInterval = 15 * 60
    public static let lockout: TimeInterval = 15 * 60
    /// Addresses remembered at most; beyond it the stalest records are forgotten.
    static let capacity = 100_000

    private struct Record {
        var failures: [Date] = []
        var lockedUntil: Date?
    }

    private let records = Mutex<[String: Record]>([:])
    let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = Date.init) {
        self.now = now
    }

    /// Until when the address may not try again, if it is locked out now.
    public func lockedUntil(_ address: String) -> Date? {
        let address = ThrottledAddress.of(address)
        let current = now()
        return records.withLock { records in
            guard let until = records[address]?.lockedUntil, until > current else { return nil }
            return until
        }
    }

    /// Notes a failed login; returns the end of the lockout when this failure started one.
    @discardableResult
    public func recordFailure(_ address: String) -> Date? {
        let address = ThrottledAddress.of(address)
        let current = now()
        return records.withLock { records -> Date? in
            if records.count >= Self.capacity { Self.prune(&records, now: current) }
            var record = records[address] ?? Record()
            record.failures = record.failures.filter { current.timeIntervalSince($0) < Self.window } + [current]
            if record.failures.count >= Self.maxFailures {
                let until = current.addingTimeInterval(Self.lockout)
                record.lockedUntil = until
                record.failures = []
                records[address] = record
                return until
            }
            records[address] = record
            return nil
        }
    }

    public func recordSuccess(_ address: String) {
        let address = ThrottledAddress.of(address)
        _ = records.withLock { $0.removeValue(forKey: address) }
    }

    private static func prune(_ records: inout [String: Record], now: Date) {
        records = records.filter { _, record in
            (record.lockedUntil.map { $0 > now } ?? false)
                || record.failures.contains { now.timeIntervalSince($0) < window }
        }
        // Still full of live records (an attack from very many addresses): forget the oldest half.
        if records.count >= capacity {
            let sorted = records.sorted { ($0.value.failures.last ?? .distantPast) < ($1.value.failures.last ?? .distantPast) }
            for (address, _) in sorted.prefix(capacity / 2) { records[address] = nil }
        }
    }
}
