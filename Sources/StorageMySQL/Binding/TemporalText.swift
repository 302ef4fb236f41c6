import CMariaDB

/// Writes a `MYSQL_TIME` the way MySQL's text protocol and SQLAlchemy do:
/// `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS[.ffffff]`, `[-]HH:MM:SS[.ffffff]`.
///
/// The shared layer parses times from this text for every backend, so the digits of the fraction
/// follow the column's precision (DATETIME(6) → six digits, DATETIME → none).
enum TemporalText {
    static func format(_ time: MYSQL_TIME, as kind: TemporalKind, fractionDigits: Int) -> String {
        switch kind {
        case .date:
            return date(time)
        case .dateTime:
            return date(time) + " " + clock(hours: Int(time.hour), time, fractionDigits: fractionDigits)
        case .time:
            // A TIME spans -838:59:59 to 838:59:59; libmariadb may carry whole days separately.
            let hours = Int(time.day) * 24 + Int(time.hour)
            return (time.neg != 0 ? "-" : "") + clock(hours: hours, time, fractionDigits: fractionDigits)
        }
    }

    private static func date(_ time: MYSQL_TIME) -> String {
        padded(Int(time.year), 4) + "-" + padded(Int(time.month), 2) + "-" + padded(Int(time.day), 2)
    }

    private static func clock(hours: Int, _ time: MYSQL_TIME, fractionDigits: Int) -> String {
        var text = padded(hours, 2) + ":" + padded(Int(time.minute), 2) + ":" + padded(Int(time.second), 2)
        if fractionDigits > 0 {
            let microseconds = padded(Int(time.second_part % 1_000_000), 6)
            text += "." + microseconds.prefix(fractionDigits)
        }
        return text
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
