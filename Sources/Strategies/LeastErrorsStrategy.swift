import Gateway

/// Prefers the key with the fewest recent key-attributable failures; among equals, the one
/// picked longest ago (never-picked keys first). A key that just failed therefore drops behind
/// every key that did not, and comes back as its failures age out of the window.
public struct LeastErrorsStrategy: BalanceStrategy {
    public static let name = "least_errors"

    public init() {}

    public func choose(from candidates: KeyCandidates, model: String) -> KeyCandidate? {
        candidates.min { lhs, rhs in
            if lhs.recentFailures != rhs.recentFailures { return lhs.recentFailures < rhs.recentFailures }
            return lhs.lastPickSequence < rhs.lastPickSequence
        }
    }
}
