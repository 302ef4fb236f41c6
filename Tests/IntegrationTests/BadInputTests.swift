import FakeGemini
import Foundation
import Gateway
import Testing

/// Issue 2: bad input gets a clear 4xx JSON error, penalises no key, and the server stays up.
@Suite struct BadInputTests {
    @Test func badInputIsRefusedClearly() async throws {
        let key = testKey("bad-a")
        let fake = FakeGemini()
        try await GatewayHarness.run(keys: [key], environment: ["MAX_REQUEST_BODY_MB": "1"], fake: fake) { harness in
            let path = "/v1beta/models/gemini-2.5-flash:generateContent"
            let cases: [(String, GatewayHarness.Reply, Int)] = [
                ("malformed JSON", try await harness.post(path, body: #"{"contents": [}"#, token: harness.token), 400),
                ("wrong content type", try await harness.post(path, body: "contents=x", token: harness.token, contentType: "application/x-www-form-urlencoded"), 415),
                ("body over the limit", try await harness.post(path, body: #"{"contents":""# + String(repeating: "a", count: 1_200_000) + #""}"#, token: harness.token), 413),
                ("unknown route", try await harness.post("/v1beta/nothing/here", body: "{}", token: harness.token), 404),
                ("missing token", try await harness.post(path, body: "{}", token: nil), 401),
                ("wrong token", try await harness.post(path, body: "{}", token: "sk-wrong"), 401),
                ("unknown method", try await harness.post("/v1beta/models/gemini-2.5-flash:explode", body: "{}", token: harness.token), 404),
                ("not an object", try await harness.post(path, body: "[1,2]", token: harness.token), 400),
            ]
            for (name, reply, status) in cases {
                #expect(reply.status == status, "\(name): \(reply.status) \(reply.body)")
                let message = reply.json?["error"]?["message"]?.stringValue ?? ""
                #expect(!message.isEmpty, "\(name) has no JSON error message: \(reply.body)")
            }
            #expect(fake.requests().isEmpty)
            #expect(harness.snapshot(key)?.record.consecutiveFailures == 0)
            do {
                let reply = try await harness.generate()
                #expect(reply.status == 200)
            }
            // OpenAI-shaped on OpenAI routes.
            let openAI = try await harness.get("/v1/nothing", token: harness.token)
            #expect(openAI.status == 404)
            #expect(openAI.json?["error"]?["type"]?.stringValue == "invalid_request_error")
        }
    }
}
