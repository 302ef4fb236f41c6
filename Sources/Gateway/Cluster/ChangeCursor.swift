import Foundation

/// How far this instance has read the change feed.
///
/// Ids are handed out when a row is inserted but become visible when its transaction commits,
/// so a later id can be seen before an earlier one. The cursor therefore keeps a floor (every id
/// up to it has been handled) and the ids handled above it, and reads from the floor each time.
/// A hole that stays open longer than `holeGrace` is an id that will never appear (a rolled-back
/// insert, a pruned row) and is stepped over.
struct ChangeCursor: Sendable {
    static let holeGrace: TimeInterval = 5

    /// Every id up to here has been handled; reads ask for ids above it.
    private(set) var floor: Int64
    private var handledAbove: Set<Int64> = []
    private var holeSeenSince: Date?

    init(floor: Int64) {
        self.floor = floor
    }

    /// The ids among `ids` not handled before; marks them handled.
    mutating func takeNew(_ ids: [Int64]) -> Set<Int64> {
        var fresh = Set<Int64>()
        for id in ids where id > floor && handledAbove.insert(id).inserted {
            fresh.insert(id)
        }
        return fresh
    }

    /// Raises the floor over the ids handled without a hole, and over a hole older than the grace.
    mutating func advance(now: Date) {
        raiseOverContiguous()
        guard let lowest = handledAbove.min() else {
            holeSeenSince = nil
            return
        }
        if let since = holeSeenSince {
            if now.timeIntervalSince(since) >= Self.holeGrace {
                floor = lowest - 1
                holeSeenSince = nil
                raiseOverContiguous()
                if !handledAbove.isEmpty { holeSeenSince = now }
            }
        } else {
            holeSeenSince = now
        }
    }

    private mutating func raiseOverContiguous() {
        while handledAbove.remove(floor + 1) != nil {
            floor += 1
        }
    }
}
