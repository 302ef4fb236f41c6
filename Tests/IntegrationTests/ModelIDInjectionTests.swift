import FakeGemini
import Foundation
import Gateway
import Testing
import Wire

/// A model id goes into the upstream URL path, so one that is not a plain name could reach
/// another method or resource, or slip past FILTERED_MODELS. Every route refuses it with a 400
/// before anything goes upstream.
@Suite struct ModelIDInjectionTests {
    static let environment = ["FILTERED_MODELS": #"["gemini-2.5-pro"]"#]

    @Test func nativeRoutesRefuseModelsThatAreNotPlainNames() async throws {
        let key = testKey("inject-native")
        try await GatewayHarness.run(keys: [key], environment: Self.environment) { harness in
            let body = #"{"contents":[{"role":"user","parts":[{"text":"hi"}]}]}"#
            for segment in [
                "gemini-2.5-pro%3F:generateContent",
                "gemini-2.5-flash%3AcountTokens%3Fx%3D:generateContent",
                "%2E%2E%2Fgemini-2.5-flash:generateContent",
                "gemini-2.5-flash%2F..%2F..%2Ffiles:generateContent",
            ] {
                let reply = try await harness.post("/v1beta/models/\(segment)", body: body, token: harness.token)
                #expect(reply.status == 400, "\(segment): \(reply.status) \(reply.body)")
                #expect(reply.json?["error"]?["message"]?.stringValue?.contains("not a model id") == true, "\(segment)")
            }
            // The filter applies to the decoded, prefix-free name, in any case.
            for segment in ["models%2Fgemini-2.5-pro:generateContent", "Gemini-2.5-Pro:generateContent"] {
                let reply = try await harness.post("/v1beta/models/\(segment)", body: body, token: harness.token)
                #expect(reply.status == 404, "\(segment): \(reply.status) \(reply.body)")
            }
            #expect(harness.fake.requests().isEmpty)
            #expect(try await harness.generate(model: "models%2Fgemini-2.5-flash").status == 200)
        }
    }

    @Test func openAIRoutesRefuseModelsThatAreNotPlainNames() async throws {
        let key = testKey("inject-openai")
        try await GatewayHarness.run(keys: [key], environment: Self.environment) { harness in
            let hostile = ["gemini-2.5-pro:generateContent?", "gemini-2.5-flash:countTokens?x=", "../gemini-2.5-flash"]
            for model in hostile {
                let calls: [(String, JSONValue)] = [
                    ("/v1/chat/completions", ["model": .string(model), "messages": [["role": "user", "content": "hi"]]]),
                    ("/v1/embeddings", ["model": .string(model), "input": "hi"]),
                    ("/v1/images/generations", ["model": .string("imagen-3.0-generate-002:predict?" + model), "prompt": "a cat"]),
                    ("/v1/audio/speech", ["model": .string("gemini-2.5-flash-preview-tts:" + model), "input": "hi", "voice": "alloy"]),
                    ("/openai/v1/chat/completions", ["model": .string(model), "messages": [["role": "user", "content": "hi"]]]),
                ]
                for (path, body) in calls {
                    let reply = try await harness.openAIPost(path, body)
                    #expect(reply.status == 400, "\(path) \(model): \(reply.status) \(reply.body)")
                    #expect(reply.openAIError?["param"]?.stringValue == "model", "\(path) \(model)")
                    #expect(reply.openAIError?["type"]?.stringValue == "invalid_request_error", "\(path) \(model)")
                }
            }
            let relayModel = try await harness.get("/openai/v1/models/gemini-2.5-flash%3AcountTokens", token: harness.token)
            #expect(relayModel.status == 400, "\(relayModel.body)")
            let filtered = try await harness.openAIPost("/v1/embeddings", ["model": "models/Gemini-2.5-Pro", "input": "hi"])
            #expect(filtered.status == 404)
            #expect(harness.fake.requests().isEmpty)
        }
    }
}
