import Foundation

/// The keys that may serve one request, as a strategy sees them: a view over the pool in
/// configured order that works out on demand whether each position can serve (active, not
/// cooling for the model, not yet tried by this request).
///
/// Nothing is copied or computed up front, so a strategy that needs one key (round-robin)
/// touches a handful of positions even with ten thousand keys; one that weighs them all
/// (weighted, least-errors) walks them once. Iterating yields the candidates that can serve.
public struct KeyCandidates: Sequence {
    private enum Source {
        case pool(entries: [KeyPool.Entry], model: String, excluding: Set<String>, now: Date)
        case list(byPosition: [Int: KeyCandidate], positions: Int)
    }

    private let source: Source

    init(entries: [KeyPool.Entry], model: String, excluding: Set<String>, now: Date) {
        source = .pool(entries: entries, model: model, excluding: excluding, now: now)
    }

    /// Candidates that can all serve, placed at their `position`s (tests, simple callers);
    /// positions not given cannot serve. `positions` defaults to one past the highest given.
    public init(_ candidates: [KeyCandidate], positions: Int? = nil) {
        let byPosition = Dictionary(candidates.map { ($0.position, $0) }, uniquingKeysWith: { first, _ in first })
        source = .list(byPosition: byPosition, positions: positions ?? ((candidates.map(\.position).max() ?? -1) + 1))
    }

    /// How many positions there are (every configured key, whether it can serve or not).
    public var positions: Int {
        switch source {
        case .pool(let entries, _, _, _): entries.count
        case .list(_, let positions): positions
        }
    }

    /// The key at a position, or nil when it cannot serve this request.
    public func candidate(at position: Int) -> KeyCandidate? {
        switch source {
        case .list(let byPosition, _):
            return byPosition[position]
        case .pool(let entries, let model, let excluding, let now):
            guard entries.indices.contains(position) else { return nil }
            let entry = entries[position]
            guard entry.record.status == .active else { return nil }
            if !entry.record.cooldowns.isEmpty,
                entry.record.cooldowns.contains(where: { $0.model == model && $0.until > now })
            {
                return nil
            }
            if !excluding.isEmpty && excluding.contains(entry.record.key) { return nil }
            let horizon = now.addingTimeInterval(-KeyPool.recentFailureWindow)
            return KeyCandidate(
                key: entry.record.key, position: position, weight: entry.weight,
                recentFailures: entry.recentFailureTimes.reduce(0) { $0 + ($1 > horizon ? 1 : 0) },
                lastPickSequence: entry.lastPickSequence)
        }
    }

    public struct Iterator: IteratorProtocol {
        let candidates: KeyCandidates
        var position = 0

        public mutating func next() -> KeyCandidate? {
            while position < candidates.positions {
                defer { position += 1 }
                if let candidate = candidates.candidate(at: position) { return candidate }
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(candidates: self) }
}
