import Foundation

/// How far this instance has read the change feed.
///
/// Ids are handed out when a row is inserted but become visible when its transaction commits,
/// so a later id can be seen before an earlier one. The cursor therefore keeps a floor (every id
/// up to it has been handled) and the ids handled above it, and reads from the floor each time.
/// A hole that stays open longer than `holeGrace` is an id that will never appear (a rolled-back
/// insert, a pruned row) and is stepped over.
///
/// Each hole has its own grace, from when it was first seen: an id is seen missing when a higher
/// one is handled. A hole first seen later must not inherit an older hole's time, or it would be
/// stepped over before its transaction had a chance to commit, and its change lost.
struct ChangeCursor: Sendable {
    static let holeGrace: TimeInterval = 5

    /// Every id up to here has been handled; reads ask for ids above it.
    private(set) var floor: Int64
    private var handledAbove: Set<Int64> = []
    /// When holes were first seen, kept per rise of the highest handled id rather than per id (a
    /// hole may span many ids): every id still missing below `below` has been missing since
    /// `since` at the latest. Ascending in both.
    private var sightings: [(below: Int64, since: Date)] = []

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

    /// Raises the floor over the ids handled without a hole, and over each hole open longer than
    /// the grace.
    mutating func advance(now: Date) {
        raiseOverContiguous()
        if let highest = handledAbove.max(), highest > (sightings.last?.below ?? floor) {
            sightings.append((highest, now))
        }
        // The lowest hole starts at floor + 1; the first sighting above it says since when it
        // (and every missing id up to the lowest handled one) has been open.
        while let lowest = handledAbove.min(),
              let sighting = sightings.first(where: { $0.below > floor + 1 }),
              now.timeIntervalSince(sighting.since) >= Self.holeGrace {
            floor = lowest - 1
            raiseOverContiguous()
        }
        sightings.removeAll { $0.below <= floor + 1 }
    }

    private mutating func raiseOverContiguous() {
        while handledAbove.remove(floor + 1) != nil {
            floor += 1
        }
    }
}
