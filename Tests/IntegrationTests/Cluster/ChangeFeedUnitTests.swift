import Foundation
import Testing

@testable import Gateway

/// The pieces of the cluster sync that need no database: reading the feed in id order despite
/// commits that land out of order, and key-state deltas that merge rather than overwrite.
@Suite struct ChangeFeedUnitTests {
    @Test func theCursorWaitsForAHoleThenStepsOverIt() {
        var cursor = ChangeCursor(floor: 10)
        let start = Date()
        // 12 is visible before 11 (its transaction committed first).
        #expect(cursor.takeNew([12]) == [12])
        cursor.advance(now: start)
        #expect(cursor.floor == 10, "11 may still appear")
        // Read again from 10: 12 is not handed out twice, 11 arrives and closes the hole.
        #expect(cursor.takeNew([11, 12]) == [11])
        cursor.advance(now: start.addingTimeInterval(1))
        #expect(cursor.floor == 12)
        // A hole that never fills (a rolled-back insert) is stepped over after the grace.
        #expect(cursor.takeNew([14]) == [14])
        cursor.advance(now: start.addingTimeInterval(2))
        #expect(cursor.floor == 12)
        cursor.advance(now: start.addingTimeInterval(2 + ChangeCursor.holeGrace))
        #expect(cursor.floor == 14)
        #expect(cursor.takeNew([13, 14]).isEmpty, "below the floor: handled or given up")
    }

    @Test func aHoleSeenLaterGetsItsOwnGrace() {
        var cursor = ChangeCursor(floor: 10)
        let start = Date()
        // 12 is visible, 11 not yet: hole 11 is open from `start`.
        #expect(cursor.takeNew([12]) == [12])
        cursor.advance(now: start)
        // Four seconds on, 11 arrives, and so does 14 before 13: hole 13 is open from now.
        #expect(cursor.takeNew([11, 12, 14]) == [11, 14])
        cursor.advance(now: start.addingTimeInterval(4))
        #expect(cursor.floor == 12)
        // Hole 11's grace would be over now, but 13 has waited one second only.
        cursor.advance(now: start.addingTimeInterval(ChangeCursor.holeGrace))
        #expect(cursor.floor == 12, "13 may still appear")
        #expect(cursor.takeNew([13, 14]) == [13], "and when it does, it is not lost")
        cursor.advance(now: start.addingTimeInterval(ChangeCursor.holeGrace + 0.5))
        #expect(cursor.floor == 14)
    }

    @Test func aHoleThatNeverFillsIsSteppedOverAfterItsOwnGrace() {
        var cursor = ChangeCursor(floor: 0)
        let start = Date()
        _ = cursor.takeNew([2])
        cursor.advance(now: start)
        _ = cursor.takeNew([5])
        cursor.advance(now: start.addingTimeInterval(3))
        // Hole 1 is stepped over at 5 s; holes 3 and 4 (seen at 3 s) wait until 8 s.
        cursor.advance(now: start.addingTimeInterval(ChangeCursor.holeGrace))
        #expect(cursor.floor == 2)
        cursor.advance(now: start.addingTimeInterval(3 + ChangeCursor.holeGrace - 0.1))
        #expect(cursor.floor == 2)
        cursor.advance(now: start.addingTimeInterval(3 + ChangeCursor.holeGrace))
        #expect(cursor.floor == 5)
        #expect(cursor.takeNew([3, 4, 6]) == [6], "below the floor: given up")
    }

    @Test func aDeltaCarriesOnlyWhatChanged() throws {
        let now = Date()
        let cooled = ModelCooldown(model: "gemini-2.5-pro", until: now.addingTimeInterval(3600), reason: .perDay)
        let old = SharedKeyState()
        #expect(KeyStateDelta.between(old, old, key: "k", now: now) == nil)

        let cooling = try #require(KeyStateDelta.between(old, SharedKeyState(cooldowns: [cooled]), key: "k", now: now))
        #expect(cooling.status == nil, "a cooldown does not touch the status")
        #expect(cooling.replacesCooldowns == false)

        let benched = try #require(KeyStateDelta.between(SharedKeyState(cooldowns: [cooled]),
                                                         SharedKeyState(status: .invalid, benchedAt: now, cooldowns: [cooled]),
                                                         key: "k", now: now))
        #expect(benched.status == "invalid")

        // An admin reset lifts the cooldown early: the receiver must drop it too.
        let reset = try #require(KeyStateDelta.between(SharedKeyState(cooldowns: [cooled]), SharedKeyState(), key: "k", now: now))
        #expect(reset.replacesCooldowns)
        #expect(reset.cooldowns.isEmpty)
    }

    @Test func deltasFromTwoInstancesDoNotUndoEachOther() throws {
        let now = Date()
        var record = KeyStateRecord(key: "k")
        // Instance A benched the key; instance B, not knowing yet, cooled it for a model.
        let bench = try #require(KeyStateDelta.between(SharedKeyState(), SharedKeyState(status: .invalid, benchedAt: now), key: "k", now: now))
        let cool = try #require(KeyStateDelta.between(
            SharedKeyState(), SharedKeyState(cooldowns: [ModelCooldown(model: "m", until: now.addingTimeInterval(60), reason: .perMinute)]),
            key: "k", now: now))
        bench.apply(to: &record, now: now)
        cool.apply(to: &record, now: now)
        #expect(record.status == .invalid, "B's cooldown did not reinstate the key")
        #expect(record.cooldowns.map(\.model) == ["m"])
        // A later, longer cooldown for the same model wins; a shorter one does not shorten it.
        let longer = KeyStateDelta(key: "k", status: nil, benchedAtMs: nil,
                                   cooldowns: [.init(model: "m", untilMs: KeyStateDelta.milliseconds(now.addingTimeInterval(600)), reason: "perDay")],
                                   replacesCooldowns: false)
        longer.apply(to: &record, now: now)
        cool.apply(to: &record, now: now)
        #expect(record.cooldowns.first?.reason == .perDay)
    }

    @Test func aQueuedDeltaFollowedByAnotherKeepsBoth() throws {
        let now = Date()
        let bench = try #require(KeyStateDelta.between(SharedKeyState(), SharedKeyState(status: .invalid, benchedAt: now), key: "k", now: now))
        let cool = KeyStateDelta(key: "k", status: nil, benchedAtMs: nil,
                                 cooldowns: [.init(model: "m", untilMs: KeyStateDelta.milliseconds(now.addingTimeInterval(60)), reason: "perMinute")],
                                 replacesCooldowns: false)
        let combined = bench.followed(by: cool)
        #expect(combined.status == "invalid")
        #expect(combined.cooldowns.map(\.model) == ["m"])
    }
}
