import Foundation
@testable import Gateway
import Synchronization
import Testing

@Suite struct LoginThrottleTests {
    final class Clock: Sendable {
        let time = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        func advance(_ seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
        var now: Date { time.withLock { $0 } }
    }

    @Test func tenFailuresLockTheAddressForAWhile() {
        let clock = Clock()
        let throttle = LoginThrottle(now: { clock.now })
        for _ in 0..<9 { #expect(throttle.recordFailure("198.51.100.1") == nil) }
        #expect(throttle.lockedUntil("198.51.100.1") == nil)
        #expect(throttle.recordFailure("198.51.100.1") != nil)
        #expect(throttle.lockedUntil("198.51.100.1") != nil)
        #expect(throttle.lockedUntil("198.51.100.2") == nil)
        clock.advance(LoginThrottle.lockout - 1)
        #expect(throttle.lockedUntil("198.51.100.1") != nil)
        clock.advance(2)
        #expect(throttle.lockedUntil("198.51.100.1") == nil)
    }

    @Test func failuresOutsideTheWindowAndSuccessesStartAgain() {
        let clock = Clock()
        let throttle = LoginThrottle(now: { clock.now })
        for _ in 0..<9 { throttle.recordFailure("a") }
        clock.advance(LoginThrottle.window + 1)
        #expect(throttle.recordFailure("a") == nil)
        for _ in 0..<5 { throttle.recordFailure("b") }
        throttle.recordSuccess("b")
        for _ in 0..<9 { #expect(throttle.recordFailure("b") == nil) }
    }
}
