import Foundation
import Testing
@testable import Wire

@Suite("JSON parsing and writing")
struct JSONValueTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue.parse(#" {"a": [1, -2, 3.5, 1e3, true, false, null], "b": "x\"y\\z\n\u00e9\ud83d\ude00", "c": {}} "#)
        #expect(value["a"] == [1, -2, 3.5, 1000.0, true, false, nil])
        #expect(value["b"] == .string("x\"y\\z\né😀"))
        #expect(value["c"] == .object([:]))
    }

    @Test func keepsIntegersApartFromDoubles() throws {
        #expect(try JSONValue.parse("1") == .int(1))
        #expect(try JSONValue.parse("1.0") == .double(1.0))
        #expect(try JSONValue.parse("12345678901234567890") == .double(Double("12345678901234567890")!))
    }

    @Test func refusesInvalidJSON() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "tru", "01", "\"\u{01}\"", "1 2", "{\"a\":1,}"] {
            #expect(throws: JSONParseError.self, "\(text)") { try JSONValue.parse(text) }
        }
    }

    @Test func loneSurrogateBecomesReplacementCharacter() throws {
        #expect(try JSONValue.parse(#""\ud800x""#) == .string("\u{FFFD}x"))
    }

    @Test func writesCompactSortedJSON() {
        let value: JSONValue = ["b": [1, 2.5, "x"], "a": nil, "c": ["z": true]]
        #expect(value.serializedText == #"{"a":null,"b":[1,2.5,"x"],"c":{"z":true}}"#)
    }

    @Test func escapesStringsAndKeepsUnicode() {
        let value: JSONValue = .string("q\"b\\n\nt\tc\u{01}/é")
        #expect(value.serializedText == #""q\"b\\n\nt\tc\u0001/é""#)
    }

    @Test func nonFiniteDoublesBecomeNull() {
        #expect(JSONValue.double(.infinity).serializedText == "null")
    }

    @Test func roundTripsThroughParserAndFoundation() throws {
        let value: JSONValue = ["list": [1, 2, ["deep": "ü"]], "n": -0.25, "big": 9007199254740993]
        let text = value.serializedText
        #expect(try JSONValue.parse(text) == value)
        #expect(JSONValue(parsing: text) == value)
    }

    @Test func refusesAbsurdNesting() {
        let text = String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }
}
