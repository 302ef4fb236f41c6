import Foundation

/// The monitor's call-count windows: the last minute, hour and day, and this calendar month
/// (in the configured time zone).
enum CallWindow: String, CaseIterable, Sendable {
    case minute = "1m"
    case hour = "1h"
    case day = "24h"
    case month

    func start(_ clock: PanelClock) -> Date {
        switch self {
        case .minute: clock.now.addingTimeInterval(-60)
        case .hour: clock.now.addingTimeInterval(-3_600)
        case .day: clock.now.addingTimeInterval(-86_400)
        case .month: clock.startOfMonth
        }
    }

    var label: PanelString {
        switch self {
        case .minute: .lastMinute
        case .hour: .lastHour
        case .day: .last24Hours
        case .month: .thisMonth
        }
    }
}
