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

    /// An IPv6 client usually holds a whole /64 and can pick any address in it, so the throttle
    /// counts the /64; IPv4 addresses count one by one, as before.
    @Test func ipv6ClientsAreCountedPerSlash64() {
        let clock = Clock()
        let throttle = LoginThrottle(now: { clock.now })
        for host in 1...9 { #expect(throttle.recordFailure("2001:db8:aa:bb::\(host)") == nil) }
        #expect(throttle.recordFailure("2001:DB8:AA:BB:ffff:1:2:3") != nil)
        #expect(throttle.lockedUntil("2001:db8:aa:bb::1234") != nil)
        #expect(throttle.lockedUntil("2001:db8:aa:bc::1") == nil)
        for host in 1...9 { throttle.recordFailure("198.51.100.\(host)") }
        #expect(throttle.lockedUntil("198.51.100.1") == nil)
    }

    @Test func theSharedThrottlesKeyIsThe64ForIPv6AndTheAddressOtherwise() {
        #expect(SharedLoginThrottle.key("198.51.100.7") == "198.51.100.7")
        #expect(SharedLoginThrottle.key("2001:DB8:0:1::5") == SharedLoginThrottle.key("2001:db8:0:1:abcd::9"))
        #expect(SharedLoginThrottle.key("2001:db8:0:1::5") != SharedLoginThrottle.key("2001:db8:0:2::5"))
        #expect(SharedLoginThrottle.key("::ffff:198.51.100.7") == "198.51.100.7")
        #expect(SharedLoginThrottle.key("unknown") == "unknown")
        #expect(SharedLoginThrottle.key("2001:db8:0:1::5").count <= 64)
    }
}
