import Foundation

/// The part of a key's state that every instance on one database must agree on: whether it may
/// be picked at all, and for which models it is resting. Failure counts and last-use times stay
/// per instance (each counts what it saw).
struct SharedKeyState: Sendable, Equatable {
    var status: KeyStatus
    var benchedAt: Date?
    var cooldowns: [ModelCooldown]

    init(status: KeyStatus = .active, benchedAt: Date? = nil, cooldowns: [ModelCooldown] = []) {
        self.status = status
        self.benchedAt = benchedAt
        self.cooldowns = cooldowns
    }

    init(_ record: KeyStateRecord) {
        self.init(status: record.status, benchedAt: record.benchedAt, cooldowns: record.cooldowns)
    }

    /// Cooldowns still in force at `now`.
    func liveCooldowns(at now: Date) -> [ModelCooldown] {
        cooldowns.filter { $0.until > now }
    }
}

extension KeyStateRecord {
    /// Whether two records agree on what other instances must know (see `SharedKeyState`).
    func hasSameSharedState(as other: KeyStateRecord) -> Bool {
        status == other.status && benchedAt == other.benchedAt && cooldowns == other.cooldowns
    }
}
