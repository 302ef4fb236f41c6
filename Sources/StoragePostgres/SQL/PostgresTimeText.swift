/// Formats PostgreSQL's binary date and time values as the text the shared layer reads on every
/// backend: `YYYY-MM-DD HH:MM:SS` plus `.ffffff` when there are microseconds (the shape
/// SQLAlchemy wrote into gemini-balance's SQLite files).
///
/// Binary `timestamp`/`timestamptz` are microseconds since 2000-01-01 00:00:00 (for timestamptz
/// that instant is in UTC, so its text is UTC); `date` is days since 2000-01-01; `time` is
/// microseconds since midnight. Working on the integers keeps every microsecond, which a
/// `Date` (a Double) would not guarantee. Years before 1 AD are not expected and come out as
/// proleptic negative years.
enum PostgresTimeText {
    private static let microsPerSecond: Int64 = 1_000_000
    private static let microsPerDay: Int64 = 86_400 * microsPerSecond
    /// Days from 1970-01-01 to 2000-01-01.
    private static let postgresEpochInUnixDays: Int64 = 10_957

    static func timestamp(microsecondsSince2000 micros: Int64) -> String {
        if micros == Int64.max { return "infinity" }
        if micros == Int64.min { return "-infinity" }
        let (days, timeOfDay) = floorDivide(micros, microsPerDay)
        return date(daysSince2000: days) + " " + time(microsecondsSinceMidnight: timeOfDay)
    }

    static func date(daysSince2000 days: Int64) -> String {
        if days == Int64(Int32.max) { return "infinity" }
        if days == Int64(Int32.min) { return "-infinity" }
        let (year, month, day) = civilDate(unixDays: days + postgresEpochInUnixDays)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    static func time(microsecondsSinceMidnight micros: Int64) -> String {
        let (seconds, fraction) = floorDivide(micros, microsPerSecond)
        let text = pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
        return fraction == 0 ? text : text + "." + pad(fraction, 6)
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `civil_from_days`).
    private static func civilDate(unixDays: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = unixDays + 719_468  // days since 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153  // March = 0
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        return value < 0 ? "-" + padded : padded
    }
}
