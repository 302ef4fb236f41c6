import Foundation

extension Date {
    /// Whole seconds from `now` until this date, rounded up and kept within `0...Int32.max`.
    ///
    /// Converting a `TimeInterval` to `Int` traps on a value out of range, and a cooldown or a
    /// lockout can come from anywhere (an upstream's `retryDelay`, another instance, an old row):
    /// every "seconds left" the gateway shows or sends goes through here.
    func wholeSeconds(after now: Date = Date()) -> Int {
        let interval = timeIntervalSince(now).rounded(.up)
        guard interval.isFinite, interval > 0 else { return 0 }
        return interval >= Double(Int32.max) ? Int(Int32.max) : Int(interval)
    }
}
