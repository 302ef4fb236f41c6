import FakeGemini
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Recording requests")
struct RecordingTests {
    @Test("a call is recorded with its key, model, action, body, status and headers")
    func recordsCalls() async throws {
        try await withFake { fake, client in
            let body = chatBody("hi")
            _ = try await client.post("/v1beta/models/gemini-2.5-flash%3AgenerateContent?alt=json", body,
                                      headers: [HTTPField.Name("x-goog-api-key")!: "AIzaRecorded", .userAgent: "google-genai-sdk/2.19.0 gl-python/3.12"])
            let record = try #require(fake.requests().last)
            #expect(record.method == "POST")
            #expect(record.path == "/v1beta/models/gemini-2.5-flash%3AgenerateContent")
            #expect(record.query == ["alt": "json"])
            #expect(record.apiKey == "AIzaRecorded")
            #expect(record.model == "gemini-2.5-flash")
            #expect(record.action == "generateContent")
            #expect(record.body == body)
            #expect(record.status == 200)
            #expect(record.headers.hasGoogAPIKey)
            #expect(record.headers.authorization == nil)
            #expect(record.headers.contentType == "application/json")
            #expect(record.headers.userAgent == "google-genai-sdk/2.19.0 gl-python/3.12")
            #expect(record.eventsSent == 0 && !record.clientDisconnected && !record.streamAborted)
        }
    }

    @Test("failures are recorded with their status; ids increase")
    func recordsFailures() async throws {
        try await withFake({ $0.script("AIzaDown", .internalError) }) { fake, client in
            _ = try await client.post("/v1beta/models/gemini-2.5-flash:generateContent?key=AIzaDown", chatBody("hi"))
            _ = try await client.post("/v1beta/models/gemini-2.5-flash:generateContent", chatBody("hi"), headers: [.authorization: "Bearer tok"])
            let records = fake.requests()
            #expect(records.map(\.status) == [500, 401])
            #expect(records[1].id > records[0].id)
            #expect(records[1].apiKey == "tok")
            #expect(records[1].headers.authorization == "Bearer tok")
        }
    }

    @Test("recording can be switched off")
    func switchedOff() async throws {
        try await withFake({ $0.recording = false }) { fake, client in
            _ = try await client.get("/v1beta/models?key=AIzaValid")
            #expect(fake.requests().isEmpty)
        }
    }

    @Test("the log is a ring buffer of recordCapacity entries")
    func ringBuffer() async throws {
        let fake = FakeGemini(recordCapacity: 3)
        let app = FakeGemini.makeApplication(fake: fake)
        try await app.test(.router) { client in
            for index in 1...5 {
                _ = try await client.get("/v1beta/models?key=AIzaValid&pageSize=\(index)")
            }
        }
        #expect(fake.requests().map { $0.query["pageSize"] } == ["3", "4", "5"])
        fake.reset()
        #expect(fake.requests().isEmpty)
    }

    @Test("GET /_fake/requests returns the records as JSON")
    func overHTTP() async throws {
        try await withFake { _, client in
            _ = try await client.get("/v1beta/models?key=AIzaValid")
            _ = try await client.get("/v1beta/models/gemini-2.5-pro?key=AIzaValid")
            let response = try await client.get("/_fake/requests")
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let records = try decoder.decode([RecordedRequest].self, from: Data(response.text.utf8))
            #expect(records.map { $0.action ?? "" } == ["listModels", "getModel"])
            let newer = try decoder.decode([RecordedRequest].self, from: Data(try await client.get("/_fake/requests?since=\(records[0].id)").text.utf8))
            #expect(newer.count == 1)
        }
    }
}
