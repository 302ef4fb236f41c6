import Foundation

/// Writes and reads timestamps that carry no zone ("naive"), as gemini-balance stores them.
///
/// gemini-balance writes `datetime.now()` (local time of its process) into its log tables and
/// UTC into `t_settings`, both without an offset. So one zone per column family has to be
/// known from outside: the codec turns an absolute `Date` into the wall-clock text of `timeZone`
/// and back. The arithmetic is done by hand on integer microseconds, so a value survives the
/// round trip exactly and no `DateFormatter` (slow, locale-dependent) is involved.
struct NaiveTimestampCodec: Sendable {
    let timeZone: TimeZone
    /// 6 writes `YYYY-MM-DD HH:MM:SS.ffffff` (SQLAlchemy's SQLite format, PostgreSQL's precision);
    /// 0 writes whole seconds, truncated, as MySQL's `DATETIME` keeps them.
    let fractionDigits: Int

    init(timeZone: TimeZone, fractionDigits: Int) {
        self.timeZone = timeZone
        self.fractionDigits = fractionDigits == 0 ? 0 : 6
    }

    // MARK: Writing

    func string(from date: Date) -> String {
        var micros = Self.microsecondsSinceEpoch(date)
        if fractionDigits == 0 {
            micros = Self.floorDivide(micros, 1_000_000) * 1_000_000
        }
        let offset = Int64(timeZone.secondsFromGMT(for: date))
        let local = micros + offset * 1_000_000
        let seconds = Self.floorDivide(local, 1_000_000)
        let fraction = local - seconds * 1_000_000
        let days = Self.floorDivide(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = CivilCalendar.date(fromDaysSinceEpoch: days)

        var text = Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
        text += " " + Self.padded(secondOfDay / 3600, 2) + ":" + Self.padded(secondOfDay / 60 % 60, 2)
        text += ":" + Self.padded(secondOfDay % 60, 2)
        if fractionDigits > 0 {
            text += "." + Self.padded(fraction, 6)
        }
        return text
    }

    // MARK: Reading

    /// Accepts `YYYY-MM-DD HH:MM:SS`, with or without a fraction (1–9 digits) and with `T` as the
    /// separator. A trailing `Z` or `±HH:MM` (never written by gemini-balance, but harmless) wins
    /// over the codec's zone. Returns nil for anything else.
    func date(from text: String) -> Date? {
        var scanner = DigitScanner(text.utf8)
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2)
        else { return nil }
        var hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0, micros: Int64 = 0
        if scanner.skip(" ") || scanner.skip("T") {
            guard let h = scanner.number(digits: 2), scanner.skip(":"),
                  let m = scanner.number(digits: 2)
            else { return nil }
            hour = h
            minute = m
            if scanner.skip(":") {
                guard let s = scanner.number(digits: 2) else { return nil }
                second = s
                if scanner.skip(".") {
                    guard let fraction = scanner.fractionAsMicroseconds() else { return nil }
                    micros = fraction
                }
            }
        }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else {
            return nil
        }
        let days = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
        let localSeconds = days * 86_400 + hour * 3600 + minute * 60 + second

        let utcSeconds: Int64
        if let explicitOffset = scanner.zoneOffsetSeconds() {
            utcSeconds = localSeconds - explicitOffset
        } else {
            guard scanner.isAtEnd else { return nil }
            utcSeconds = localSeconds - localOffset(forWallClockSeconds: localSeconds)
        }
        return Date(timeIntervalSince1970: Double(utcSeconds * 1_000_000 + micros) / 1_000_000)
    }

    /// The zone's offset at a wall-clock time. Guess with the offset at that instant read as UTC,
    /// then correct once: right everywhere except inside a DST gap or overlap, where any answer is
    /// a guess (gemini-balance's naive times are ambiguous there too).
    private func localOffset(forWallClockSeconds local: Int64) -> Int64 {
        let guess = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local))))
        let corrected = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local - guess))))
        return corrected
    }

    // MARK: Helpers

    static func microsecondsSinceEpoch(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// Proleptic Gregorian day numbers (days since 1970-01-01), after Howard Hinnant's
/// `days_from_civil` / `civil_from_days` algorithms.
enum CivilCalendar {
    static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = NaiveTimestampCodec.floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func date(fromDaysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = NaiveTimestampCodec.floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// A tiny cursor over ASCII digits and separators, for the timestamp parser.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ utf8: String.UTF8View) {
        bytes = Array(utf8)
    }

    var isAtEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func number(digits count: Int) -> Int64? {
        guard index + count <= bytes.count else { return nil }
        var value: Int64 = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        index += count
        return value
    }

    /// Reads 1–9 fraction digits and rounds them down to microseconds.
    mutating func fractionAsMicroseconds() -> Int64? {
        var value: Int64 = 0
        var count = 0
        while index < bytes.count, (48...57).contains(bytes[index]) {
            if count < 6 { value = value * 10 + Int64(bytes[index] - 48) }
            count += 1
            index += 1
        }
        guard (1...9).contains(count) else { return nil }
        for _ in 0..<max(0, 6 - count) { value *= 10 }
        return value
    }

    /// `Z`, `+HH:MM`, `+HHMM` or `+HH` at the end; nil when there is none (or trailing junk).
    mutating func zoneOffsetSeconds() -> Int64? {
        if skip("Z") { return isAtEnd ? 0 : nil }
        let sign: Int64
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2) else { return nil }
        var minutes: Int64 = 0
        if skip(":") {
            guard let m = number(digits: 2) else { return nil }
            minutes = m
        } else if let m = number(digits: 2) {
            minutes = m
        }
        return isAtEnd ? sign * (hours * 3600 + minutes * 60) : nil
    }
}
