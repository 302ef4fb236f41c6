import Foundation
import Gateway
import Testing

@testable import StorageSQL

@Suite("Naive timestamps")
struct NaiveTimestampCodecTests {
    let shanghai6 = NaiveTimestampCodec(timeZone: .shanghai, fractionDigits: 6)
    let shanghai0 = NaiveTimestampCodec(timeZone: .shanghai, fractionDigits: 0)

    @Test func writesLocalWallClockTimeWithoutAnOffset() {
        let instant = Date(timeIntervalSince1970: 1_795_776_801.982503)  // 10:53:21.982503 UTC
        #expect(shanghai6.string(from: instant) == "2026-11-27 18:53:21.982503")
        // Whole seconds are truncated, never rounded up into the next second.
        #expect(shanghai0.string(from: instant) == "2026-11-27 18:53:21")
        #expect(NaiveTimestampCodec(timeZone: .utc, fractionDigits: 6).string(from: instant) == "2026-11-27 10:53:21.982503")
    }

    @Test func readsBackTheSameInstant() {
        for seconds in [0.0, 1_795_776_801.982503, 951_782_400.5, -1.5, 4_102_444_799.999999] {
            let instant = Date(timeIntervalSince1970: seconds)
            #expect(shanghai6.date(from: shanghai6.string(from: instant)) == instant, "\(seconds)")
        }
        #expect(shanghai6.string(from: Date(timeIntervalSince1970: -0.5)) == "1970-01-01 07:59:59.500000")
        #expect(shanghai6.string(from: Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29 08:00:00.000000")
    }

    @Test func readsEveryShapeTheDatabasesReturn() {
        let whole = Date(timeIntervalSince1970: 1_795_776_801)
        #expect(shanghai6.date(from: "2026-11-27 18:53:21") == whole)
        #expect(shanghai6.date(from: "2026-11-27T18:53:21") == whole)
        #expect(shanghai6.date(from: "2026-11-27 18:53") == whole.addingTimeInterval(-21))
        #expect(shanghai6.date(from: "2026-11-27") == Date(timeIntervalSince1970: 1_795_737_600 - 8 * 3600))
        // PostgreSQL drops trailing zeros; some drivers give nanoseconds.
        #expect(shanghai6.date(from: "2026-11-27 18:53:21.5") == whole.addingTimeInterval(0.5))
        #expect(shanghai6.date(from: "2026-11-27 18:53:21.982503999") == Date(timeIntervalSince1970: 1_795_776_801.982503))
        // An explicit offset wins over the codec's zone.
        #expect(shanghai6.date(from: "2026-11-27 10:53:21Z") == whole)
        #expect(shanghai6.date(from: "2026-11-27 12:53:21+02:00") == whole)
    }

    @Test func refusesWhatIsNotATimestamp() {
        for text in ["", "yesterday", "2026-13-01 00:00:00", "2026-11-27 25:00:00", "2026-11-27 18:53:21 junk",
                     "2026-11-27 18:53:21.", "26-11-27 18:53:21"] {
            #expect(shanghai6.date(from: text) == nil, "\(text)")
        }
    }

    @Test func followsDaylightSavingTime() {
        let losAngeles = NaiveTimestampCodec(timeZone: TimeZone(identifier: "America/Los_Angeles")!, fractionDigits: 0)
        // PDT (UTC-7) in July, PST (UTC-8) in January.
        #expect(losAngeles.date(from: "2026-07-01 12:00:00") == Date(timeIntervalSince1970: 1_782_932_400))
        #expect(losAngeles.date(from: "2026-01-01 12:00:00") == Date(timeIntervalSince1970: 1_767_297_600))
        #expect(losAngeles.string(from: Date(timeIntervalSince1970: 1_782_932_400)) == "2026-07-01 12:00:00")
    }
}

@Suite("Fitting text to columns")
struct TextFittingTests {
    @Test func textThatFitsIsUnchanged() {
        #expect(TextFitting.fit("短い text 🙂", maxCharacters: 100, maxBytes: 400) == "短い text 🙂")
        #expect(TextFitting.fit("abc", maxCharacters: nil, maxBytes: nil) == "abc")
    }

    @Test func longTextIsCutOnACharacterBoundaryAndSaysSo() {
        let text = String(repeating: "错误🙁e", count: 30_000)  // 8 bytes per unit
        let fitted = TextFitting.fit(text, maxCharacters: 65_535, maxBytes: 65_535)
        #expect(fitted.utf8.count <= 65_535)
        #expect(fitted.hasSuffix("bytes in total]"))
        #expect(fitted.contains("\(text.utf8.count)"))
        let kept = fitted.components(separatedBy: "\n…[truncated").first!
        #expect(text.hasPrefix(kept))
    }

    @Test func shortColumnsGetABarePrefix() {
        let fitted = TextFitting.fit(String(repeating: "模", count: 150), maxCharacters: 100, maxBytes: 400)
        #expect(fitted == String(repeating: "模", count: 100))
    }
}

@Suite("gemini-balance value rules")
struct GeminiBalanceValueTests {
    @Test func requestMessagesAreAlwaysValidJSON() throws {
        #expect(GeminiBalanceValues.requestMessageForStorage(nil) == nil)
        #expect(GeminiBalanceValues.requestMessageForStorage(#"{"a": "中文"}"#) == #"{"a": "中文"}"#)
        #expect(GeminiBalanceValues.requestMessageForStorage("not json") == #""not json""#)
        let huge = #"{"data": ""# + String(repeating: "A", count: 2 << 20) + #""}"#
        let stored = try #require(GeminiBalanceValues.requestMessageForStorage(huge))
        #expect(stored.utf8.count < GeminiBalanceValues.maxRequestMessageBytes)
        #expect((try? JSONSerialization.jsonObject(with: Data(stored.utf8), options: [.fragmentsAllowed])) is String)
    }

    @Test func nullMeansNoBody() {
        #expect(GeminiBalanceValues.requestMessageFromStorage("null") == nil)
        #expect(GeminiBalanceValues.requestMessageFromStorage(nil) == nil)
        #expect(GeminiBalanceValues.requestMessageFromStorage("[]") == "[]")
    }

    @Test func settingDescriptionsReadAsGeminiBalanceWritesThem() {
        #expect(GeminiBalanceValues.settingDescription(forKey: "API_KEYS") == "API_KEYS configuration setting")
    }

    @Test func batchesAreSplitByRowsAndBytes() {
        #expect(BatchChunking.chunks(Array(0..<450)).map(\.count) == [200, 200, 50])
        #expect(BatchChunking.chunks(Array(0..<5), maxBytes: 10, size: { _ in 4 }).map(\.count) == [2, 2, 1])
        #expect(BatchChunking.chunks([Int]()).isEmpty)
        // One oversized item still goes, alone.
        #expect(BatchChunking.chunks([1, 2], maxBytes: 10, size: { _ in 50 }).map(\.count) == [1, 1])
    }
}
