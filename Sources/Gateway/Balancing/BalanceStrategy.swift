/// Chooses which key serves the next request.
///
/// The key pool decides which keys *may* serve (active, not cooling for the model, not yet tried
/// by this request) and hands the strategy a view of them; the strategy only chooses. Strategies
/// keep their own state (a cursor, current weights) and are called from many tasks at once, so
/// they guard it themselves. Implementations live outside the core (`Sources/Strategies`); the
/// launcher registers them in a `StrategyCatalog`.
public protocol BalanceStrategy: Sendable {
    /// Picks one of the candidates, or nil when none can serve.
    func choose(from candidates: KeyCandidates, model: String) -> KeyCandidate?
}

/// What a strategy may know about a key that can serve now.
public struct KeyCandidate: Sendable, Equatable {
    /// The key itself; strategies use it only as an identity.
    public let key: String
    /// Position in `API_KEYS`, stable while the list is unchanged.
    public let position: Int
    /// From `KEY_WEIGHTS`, default 1.
    public let weight: Int
    /// Key-attributable failures within the recent window (see `KeyPool.recentFailureWindow`).
    public let recentFailures: Int
    /// Increases each time any key is picked; 0 when this key was never picked.
    public let lastPickSequence: UInt64

    public init(key: String, position: Int, weight: Int, recentFailures: Int, lastPickSequence: UInt64) {
        self.key = key
        self.position = position
        self.weight = weight
        self.recentFailures = recentFailures
        self.lastPickSequence = lastPickSequence
    }
}
