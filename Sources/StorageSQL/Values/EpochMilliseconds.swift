import Foundation

/// Times in Gemgate's own tables: BIGINT milliseconds since 1970 UTC. Unlike gemini-balance's
/// naive DATETIMEs they mean the same on every database and in every process time zone.
enum EpochMilliseconds {
    static func value(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    static func sqlValue(_ date: Date?) -> SQLValue {
        date.map { .int(value($0)) } ?? .null
    }
}
