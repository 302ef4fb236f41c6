import Foundation

/// Times as the panel shows and reads them: in the configured `TIMEZONE` (the log tables hold
/// naive local times; storage has already turned them into absolute dates).
struct PanelClock: Sendable {
    let timeZone: TimeZone
    let now: Date

    init(timeZoneName: String, now: Date = Date()) {
        timeZone = TimeZone(identifier: timeZoneName) ?? TimeZone(identifier: "UTC")!
        self.now = now
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// `2026-11-27 18:53:21`.
    func format(_ date: Date?) -> String {
        guard let date else { return "" }
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return Self.digits(parts.year, 4) + "-" + Self.digits(parts.month, 2) + "-" + Self.digits(parts.day, 2) + " "
            + Self.digits(parts.hour, 2) + ":" + Self.digits(parts.minute, 2) + ":" + Self.digits(parts.second, 2)
    }

    /// `18:53`, for chart labels.
    func hourMinute(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return Self.digits(parts.hour, 2) + ":" + Self.digits(parts.minute, 2)
    }

    /// The value of an `<input type="datetime-local">`: `2026-11-27T18:53`.
    func inputValue(_ date: Date?) -> String {
        guard let date else { return "" }
        let text = format(date)
        return String(text.prefix(10)) + "T" + String(text.dropFirst(11).prefix(5))
    }

    /// Reads what a `datetime-local` input sends (`2026-11-27T18:53`, seconds optional).
    func parseInput(_ text: String?) -> Date? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let normalized = text.replacingOccurrences(of: "T", with: " ")
        let pieces = normalized.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).map { Int($0) }
        guard pieces.count >= 5, pieces.allSatisfy({ $0 != nil }) else { return nil }
        var parts = DateComponents()
        parts.year = pieces[0]
        parts.month = pieces[1]
        parts.day = pieces[2]
        parts.hour = pieces[3]
        parts.minute = pieces[4]
        parts.second = pieces.count > 5 ? pieces[5] : 0
        return calendar.date(from: parts)
    }

    var startOfToday: Date { calendar.startOfDay(for: now) }

    var startOfMonth: Date {
        calendar.date(from: calendar.dateComponents([.year, .month], from: now)) ?? startOfToday
    }

    /// The zone's name and its offset now (`Asia/Shanghai, UTC+08:00`).
    var zoneDescription: String {
        let offset = timeZone.secondsFromGMT(for: now)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "\(timeZone.identifier), UTC\(sign)\(Self.digits(minutes / 60, 2)):\(Self.digits(minutes % 60, 2))"
    }

    private static func digits(_ value: Int?, _ width: Int) -> String {
        let text = String(value ?? 0)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
