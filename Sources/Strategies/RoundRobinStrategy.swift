import Gateway
import Synchronization

/// Takes the keys in their configured order, one after another, skipping those that cannot
/// serve now. The cursor is the position of the last key picked, so a skipped key does not
/// shift the rotation of the others.
public final class RoundRobinStrategy: BalanceStrategy {
    public static let name = "round_robin"

    private let lastPosition = Mutex<Int>(-1)

    public init() {}

    public func choose(from candidates: [KeyCandidate], model: String) -> KeyCandidate {
        lastPosition.withLock { last in
            // Candidates are in configured order: the first one after the cursor, else wrap.
            let chosen = candidates.first { $0.position > last } ?? candidates[0]
            last = chosen.position
            return chosen
        }
    }
}
