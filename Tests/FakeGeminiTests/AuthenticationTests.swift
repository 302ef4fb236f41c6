import FakeGemini
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Authentication as Google does it")
struct AuthenticationTests {
    let generate = "/v1beta/models/gemini-2.5-flash:generateContent"

    @Test("?key= and x-goog-api-key are both accepted")
    func keyTransports() async throws {
        try await withFake { _, client in
            let byQuery = try await client.post(generate + "?key=AIzaQuery", chatBody("hi"))
            #expect(byQuery.status == .ok)
            let byHeader = try await client.post(generate, chatBody("hi"), headers: [HTTPField.Name("x-goog-api-key")!: "AIzaHeader"])
            #expect(byHeader.status == .ok)
            #expect(byHeader.json["candidates"][0]["content"]["parts"][0]["text"].string == "Echo: hi")
        }
    }

    @Test("Bearer on a native path is 401 ACCESS_TOKEN_TYPE_UNSUPPORTED, even next to a key")
    func bearerRejected() async throws {
        try await withFake { _, client in
            let response = try await client.post(generate + "?key=AIzaQuery", chatBody("hi"), headers: [.authorization: "Bearer AIzaToken"])
            #expect(response.status == .unauthorized)
            let error = response.json["error"]
            #expect(error["code"].int == 401)
            #expect(error["status"].string == "UNAUTHENTICATED")
            #expect(error["message"].string?.hasPrefix("Request had invalid authentication credentials.") == true)
            #expect(error["details"][0]["reason"].string == "ACCESS_TOKEN_TYPE_UNSUPPORTED")
            #expect(error["details"][0]["metadata"]["method"].string == "google.ai.generativelanguage.v1beta.GenerativeService.GenerateContent")
        }
    }

    @Test("no key is 403 'unregistered callers'")
    func missingKey() async throws {
        try await withFake { _, client in
            let response = try await client.post(generate, chatBody("hi"))
            #expect(response.status == .forbidden)
            #expect(response.json["error"]["status"].string == "PERMISSION_DENIED")
            #expect(response.json["error"]["message"].string?.hasPrefix("Method doesn't allow unregistered callers") == true)
        }
    }

    @Test("an unscripted key without the AIza prefix is 400 API_KEY_INVALID, body pretty with a newline")
    func unknownKey() async throws {
        try await withFake { _, client in
            let response = try await client.post(generate + "?key=not-a-google-key", chatBody("hi"))
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/json; charset=UTF-8")
            #expect(response.text.hasPrefix("{\n  \"error\": {\n    \"code\": 400,"))
            #expect(response.text.hasSuffix("}\n"))
            let details = response.json["error"]["details"].array
            #expect(details.map { $0["@type"].string ?? "" } == [
                "type.googleapis.com/google.rpc.ErrorInfo", "type.googleapis.com/google.rpc.LocalizedMessage",
                "type.googleapis.com/google.rpc.DebugInfo",
            ])
            #expect(details[0]["reason"].string == "API_KEY_INVALID")
            #expect(details[2]["detail"].string == "Invalid API key: not-a-google-key")
        }
    }

    @Test("a scripted key is judged by its script even without the AIza prefix")
    func scriptedKeyWithoutPrefix() async throws {
        try await withFake({ $0.script("sk-anything", .valid) }) { _, client in
            let response = try await client.post(generate + "?key=sk-anything", chatBody("hi"))
            #expect(response.status == .ok)
        }
    }
}
