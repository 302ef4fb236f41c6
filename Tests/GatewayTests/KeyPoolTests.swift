import Foundation
@testable import Gateway
import Synchronization
import Testing

/// Picks keys in configured order; enough for pool tests (real strategies are tested apart).
private struct FirstCandidate: BalanceStrategy {
    func choose(from candidates: KeyCandidates, model: String) -> KeyCandidate? { candidates.first { _ in true } }
}

/// A clock the test moves by hand.
private final class ManualClock: Sendable {
    let time = Mutex(Date(timeIntervalSince1970: 1_790_000_000))
    var now: Date { time.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

@Suite struct KeyPoolTests {
    private let clock = ManualClock()

    private func makePool(_ keys: [String], maxFailures: Int = 3) -> KeyPool {
        let clock = clock
        let pool = KeyPool(strategy: FirstCandidate(), now: { clock.now })
        pool.configure(keys: keys, weights: [:], maxFailures: maxFailures)
        return pool
    }

    @Test func benchesAfterMaxConsecutiveFailuresAndSuccessResets() {
        let pool = makePool(["a", "b"], maxFailures: 3)
        pool.recordKeyFailure(key: "a", permanent: false, code: 400, message: "bad")
        pool.recordKeyFailure(key: "a", permanent: false, code: 400, message: "bad")
        pool.recordSuccess(key: "a")
        pool.recordKeyFailure(key: "a", permanent: false, code: 400, message: "bad")
        #expect(pool.acquire(model: "m") == .key("a"))
        pool.recordKeyFailure(key: "a", permanent: false, code: 400, message: "bad")
        pool.recordKeyFailure(key: "a", permanent: false, code: 400, message: "bad")
        #expect(pool.benchedKeys() == ["a"])
        #expect(pool.acquire(model: "m") == .key("b"))
    }

    @Test func permanentFaultBenchesAtOnce() {
        let pool = makePool(["a"])
        pool.recordKeyFailure(key: "a", permanent: true, code: 403, message: "leaked")
        #expect(pool.acquire(model: "m") == .unavailable(.noneUsable(invalid: 1, disabled: 0)))
    }

    @Test func cooldownIsPerModelAndEnds() {
        let pool = makePool(["a"])
        pool.recordRateLimit(key: "a", model: "flash", until: clock.now.addingTimeInterval(30), reason: .perMinute, code: 429, message: "q")
        #expect(pool.acquire(model: "flash") == .unavailable(.allCooling(model: "flash", until: clock.now.addingTimeInterval(30), reason: .perMinute)))
        #expect(pool.acquire(model: "pro") == .key("a"))
        clock.advance(31)
        #expect(pool.acquire(model: "flash") == .key("a"))
    }

    @Test func aShorterRestDoesNotCutALongerOneShort() {
        let pool = makePool(["a"])
        let midnight = clock.now.addingTimeInterval(5 * 3600)
        pool.recordRateLimit(key: "a", model: "flash", until: midnight, reason: .perDay, code: 429, message: "day")
        // A call that was already in flight comes back with a per-minute 429 afterwards.
        pool.recordRateLimit(key: "a", model: "flash", until: clock.now.addingTimeInterval(30), reason: .perMinute, code: 429, message: "minute")
        #expect(pool.acquire(model: "flash") == .unavailable(.allCooling(model: "flash", until: midnight, reason: .perDay)))
        // A longer rest still replaces a shorter one.
        let later = midnight.addingTimeInterval(3600)
        pool.recordRateLimit(key: "a", model: "flash", until: later, reason: .modelNotOnTier, code: 429, message: "tier")
        #expect(pool.acquire(model: "flash") == .unavailable(.allCooling(model: "flash", until: later, reason: .modelNotOnTier)))
    }

    @Test func excludedKeysAreNotPickedAgain() {
        let pool = makePool(["a", "b"])
        #expect(pool.acquire(model: "m", excluding: ["a"]) == .key("b"))
        #expect(pool.acquire(model: "m", excluding: ["a", "b"]) == .unavailable(.allTried))
    }

    @Test func emptyAndDisabledPools() {
        #expect(makePool([]).acquire(model: "m") == .unavailable(.noKeysConfigured))
        let pool = makePool(["a"])
        pool.setEnabled(false, key: "a")
        #expect(pool.acquire(model: "m") == .unavailable(.noneUsable(invalid: 0, disabled: 1)))
        pool.setEnabled(true, key: "a")
        #expect(pool.acquire(model: "m") == .key("a"))
    }

    @Test func reconfigureKeepsStateOfSurvivingKeys() {
        let pool = makePool(["a", "b"])
        pool.recordKeyFailure(key: "a", permanent: true, code: 403, message: "leaked")
        _ = pool.takeChanges()
        pool.configure(keys: ["c", "a"], weights: [:], maxFailures: 3)
        #expect(pool.benchedKeys() == ["a"])
        #expect(pool.configuredKeys == ["c", "a"])
        #expect(pool.takeChanges().removed == ["b"])
    }

    @Test func restoreDropsExpiredCooldowns() {
        let pool = makePool(["a"])
        pool.restore([KeyStateRecord(key: "a", cooldowns: [
            ModelCooldown(model: "x", until: clock.now.addingTimeInterval(-1), reason: .perMinute),
            ModelCooldown(model: "y", until: clock.now.addingTimeInterval(60), reason: .perDay),
        ])])
        #expect(pool.snapshot()[0].activeCooldowns.map(\.model) == ["y"])
    }

    @Test func reinstateBringsBenchedKeyBack() {
        let pool = makePool(["a"])
        pool.recordKeyFailure(key: "a", permanent: true, code: 403, message: "x")
        pool.reinstate(key: "a")
        #expect(pool.acquire(model: "m") == .key("a"))
    }
}
