import Gateway
import Synchronization

/// Takes the keys in their configured order, one after another, skipping those that cannot
/// serve now. The cursor is the position of the last key picked, so a skipped key does not
/// shift the rotation of the others, and a pick looks at only as many keys as it skips.
public final class RoundRobinStrategy: BalanceStrategy {
    public static let name = "round_robin"

    private let lastPosition = Mutex<Int>(-1)

    public init() {}

    public func choose(from candidates: KeyCandidates, model: String) -> KeyCandidate? {
        let count = candidates.positions
        guard count > 0 else { return nil }
        return lastPosition.withLock { last in
            for step in 1...count {
                let position = ((last + step) % count + count) % count
                if let candidate = candidates.candidate(at: position) {
                    last = position
                    return candidate
                }
            }
            return nil
        }
    }
}
