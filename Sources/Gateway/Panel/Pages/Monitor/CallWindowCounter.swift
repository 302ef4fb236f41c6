import Foundation
import Synchronization

/// Counts the monitor's call windows. The month is by far the widest (most of a million rows at
/// scale), but all of it except the last day is history: that part is counted once an hour and
/// kept, and each page adds only the rows since. (Retention deleting rows from the kept part
/// shows up within the hour.)
public final class CallWindowCounter: Sendable {
    private struct History {
        let monthStart: Date
        let cut: Date
        let counts: OutcomeCounts
    }

    private let history = Mutex<History?>(nil)

    public init() {}

    func counts(storage: any Storage, clock: PanelClock) async throws -> [(CallWindow, OutcomeCounts)] {
        let monthStart = CallWindow.month.start(clock)
        // An hour boundary a day or more back: rows before it no longer arrive.
        let cut = Date(timeIntervalSince1970: ((clock.now.timeIntervalSince1970 - 90_000) / 3_600).rounded(.down) * 3_600)
        let windows = CallWindow.allCases.filter { $0 != .month }
        guard monthStart < cut else {
            let counts = try await storage.requestCounts(since: CallWindow.allCases.map { $0.start(clock) })
            return Array(zip(CallWindow.allCases, counts))
        }
        let kept = history.withLock { history in
            history.flatMap { $0.monthStart == monthStart && $0.cut == cut ? $0.counts : nil }
        }
        var starts = windows.map { $0.start(clock) } + [cut]
        if kept == nil { starts.append(monthStart) }
        let counts = try await storage.requestCounts(since: starts)
        let recent = counts[windows.count]
        let head: OutcomeCounts
        if let kept {
            head = kept
        } else {
            let month = counts[windows.count + 1]
            head = OutcomeCounts(successes: month.successes - recent.successes, failures: month.failures - recent.failures)
            history.withLock { $0 = History(monthStart: monthStart, cut: cut, counts: head) }
        }
        return Array(zip(windows, counts.prefix(windows.count))) + [(.month, head + recent)]
    }
}
