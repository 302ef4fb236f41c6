import Gateway
import Synchronization

/// Smooth weighted round-robin (as nginx balances upstreams): each pick, every candidate gains
/// its weight; the richest is chosen and pays back the total. Over any window the picks follow
/// the weights, and heavy keys are spread out rather than used in bursts.
///
/// Weights come from `KEY_WEIGHTS` (default 1). A weight of 0 keeps a key as a last resort: it is
/// chosen only when no weighted key can serve.
public final class WeightedStrategy: BalanceStrategy {
    public static let name = "weighted"

    /// Running credit per key. Keys that leave the pool are forgotten lazily.
    private let credit = Mutex<[String: Int]>([:])

    public init() {}

    public func choose(from candidates: KeyCandidates, model: String) -> KeyCandidate? {
        let available = Array(candidates)
        let weighted = available.filter { $0.weight > 0 }
        guard !weighted.isEmpty else { return available.first }
        return credit.withLock { credit in
            if credit.count > 4 * max(weighted.count, 64) {
                // Bound the map when keys come and go; credit restarts, fairness quickly recovers.
                credit.removeAll(keepingCapacity: true)
            }
            let total = weighted.reduce(0) { $0 + $1.weight }
            var best: KeyCandidate?
            var bestCredit = Int.min
            for candidate in weighted {
                let value = credit[candidate.key, default: 0] + candidate.weight
                credit[candidate.key] = value
                if value > bestCredit {
                    bestCredit = value
                    best = candidate
                }
            }
            credit[best!.key, default: 0] -= total
            return best
        }
    }
}
