import FakeGemini
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Scripting keys: JSON forms and the control API")
struct ScriptingTests {
    @Test("behaviours decode from a bare name, a kind object and a keyed object, in camel or snake case")
    func jsonForms() throws {
        let decoder = JSONDecoder()
        func decode(_ text: String) throws -> FakeKeyBehaviour {
            try decoder.decode(FakeKeyBehaviour.self, from: Data(text.utf8))
        }
        #expect(try decode("\"leaked\"") == .leaked)
        #expect(try decode("\"quotaPerMinute\"") == .quotaPerMinute(retryDelaySeconds: 30, models: nil))
        #expect(try decode(#"{"kind":"quotaPerMinute","retryDelaySeconds":12,"models":["gemini-2.5-pro"]}"#)
            == .quotaPerMinute(retryDelaySeconds: 12, models: ["gemini-2.5-pro"]))
        #expect(try decode(#"{"slow":{"firstEventDelayMs":500,"eventIntervalMs":20,"events":4}}"#)
            == .slow(firstEventDelayMs: 500, eventIntervalMs: 20, events: 4))
        #expect(try decode(#"{"kind":"stream_cut","after_events":2}"#) == .streamCut(afterEvents: 2))
        #expect(try decode(#"{"failTimes":{"count":3,"failure":"internalError","then":{"kind":"quotaPerDay"}}}"#)
            == .failTimes(3, failure: .internalError, then: .quotaPerDay(models: nil)))
        #expect(throws: DecodingError.self) { try decode("\"nonsense\"") }
    }

    @Test("every behaviour survives an encode/decode round trip", arguments: [
        FakeKeyBehaviour.valid, .invalidKey, .quotaPerMinute(retryDelaySeconds: 9, models: ["gemini-2.0-flash"]),
        .quotaPerDay(models: nil), .quotaLimitZero(models: ["a", "b"]), .leaked, .suspended, .serviceDisabled,
        .internalError, .overloaded, .locationBlocked, .slow(firstEventDelayMs: 1, eventIntervalMs: 2, events: 3),
        .streamCut(afterEvents: 2), .midStreamError(afterEvents: 1), .failTimes(2, failure: .overloaded, then: .leaked),
    ])
    func roundTrip(_ behaviour: FakeKeyBehaviour) throws {
        let data = try JSONEncoder().encode(behaviour)
        #expect(try JSONDecoder().decode(FakeKeyBehaviour.self, from: data) == behaviour)
    }

    @Test("script(json:) reads the --keys-file format")
    func scriptFromJSON() async throws {
        try await withFake({ fake in
            try? fake.script(json: #"{"AIzaA": "overloaded", "plain-key": {"kind": "valid"}}"#)
        }) { _, client in
            let overloaded = try await client.post("/v1beta/models/gemini-2.5-flash:generateContent?key=AIzaA", chatBody("x"))
            let plain = try await client.post("/v1beta/models/gemini-2.5-flash:generateContent?key=plain-key", chatBody("x"))
            #expect(overloaded.status.code == 503)
            #expect(plain.status == .ok)
        }
        #expect(throws: (any Error).self) { try FakeGemini().script(json: "[1,2]") }
    }

    @Test("POST /_fake/keys scripts keys, POST /_fake/reset forgets them and the log")
    func controlAPI() async throws {
        try await withFake { fake, client in
            let scripted = try await client.post("/_fake/keys", #"{"AIzaHTTP": {"kind": "quotaPerDay"}}"#)
            #expect(scripted.status == .ok)
            #expect(scripted.json["scripted"].int == 1)
            let limited = try await client.post("/v1beta/models/gemini-2.5-flash:generateContent?key=AIzaHTTP", chatBody("x"))
            #expect(limited.status == .tooManyRequests)
            #expect(fake.requests().count == 1)

            let bad = try await client.post("/_fake/keys", #"{"AIzaHTTP": "no-such-behaviour"}"#)
            #expect(bad.status == .badRequest)

            #expect(try await client.post("/_fake/reset", "").status == .ok)
            #expect(fake.requests().isEmpty)
            let afterReset = try await client.post("/v1beta/models/gemini-2.5-flash:generateContent?key=AIzaHTTP", chatBody("x"))
            #expect(afterReset.status == .ok)
        }
    }

    @Test("POST /_fake/recording switches recording")
    func recordingSwitch() async throws {
        try await withFake { fake, client in
            #expect(try await client.post("/_fake/recording?enabled=false", "").json["recording"].bool == false)
            #expect(fake.recording == false)
            _ = try await client.get("/v1beta/models?key=AIzaX")
            #expect(fake.requests().isEmpty)
            #expect(try await client.post("/_fake/recording", #"{"enabled": true}"#).json["recording"].bool == true)
        }
    }
}
