import FakeGemini
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Request validation like Google's")
struct ValidationTests {
    let generate = "/v1beta/models/gemini-2.5-flash:generateContent?key=AIzaValid"

    @Test("an unknown top-level field is 400 'Unknown name' with a BadRequest violation")
    func unknownTopLevelField() async throws {
        try await withFake { _, client in
            let response = try await client.post(generate, chatBody("hi", extra: #""google": {}"#))
            #expect(response.status == .badRequest)
            let error = response.json["error"]
            let message = #"Invalid JSON payload received. Unknown name "google": Cannot find field."#
            #expect(error["message"].string == message)
            #expect(error["status"].string == "INVALID_ARGUMENT")
            #expect(error["details"][0]["@type"].string == "type.googleapis.com/google.rpc.BadRequest")
            #expect(error["details"][0]["fieldViolations"][0]["description"].string == message)
            #expect(!error["details"][0]["fieldViolations"][0]["field"].exists)
        }
    }

    @Test("an unknown generationConfig field names 'generation_config'")
    func unknownGenerationConfigField() async throws {
        try await withFake { _, client in
            let response = try await client.post(generate, chatBody("hi", extra: #""generationConfig": {"includeThoughts": true}"#))
            #expect(response.status == .badRequest)
            let message = #"Invalid JSON payload received. Unknown name "includeThoughts" at 'generation_config': Cannot find field."#
            #expect(response.json["error"]["message"].string == message)
            #expect(response.json["error"]["details"][0]["fieldViolations"][0]["field"].string == "generation_config")
        }
    }

    @Test("unknown names inside thinkingConfig and function schemas are refused too")
    func nestedUnknownNames() async throws {
        try await withFake { _, client in
            let thinking = try await client.post(generate, chatBody("hi", extra: #""generationConfig": {"thinkingConfig": {"budget": 5}}"#))
            #expect(thinking.json["error"]["message"].string?.contains("at 'generation_config.thinking_config'") == true)
            let tools = #""tools": [{"functionDeclarations": [{"name": "f", "parameters": {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": false}}]}]"#
            let schema = try await client.post(generate, chatBody("hi", extra: tools))
            #expect(schema.json["error"]["message"].string
                == #"Invalid JSON payload received. Unknown name "additionalProperties" at 'tools[0].function_declarations[0].parameters': Cannot find field."#)
        }
    }

    @Test("a Blob's displayName is accepted, as the google-genai SDK sends it")
    func blobDisplayNameAccepted() async throws {
        try await withFake { _, client in
            let body = #"{"contents": [{"parts": [{"text": "hi"}, {"inline_data": {"mime_type": "image/png", "data": "iVBORw0KGgo=", "display_name": "a.png"}}]}]}"#
            let response = try await client.post(generate, body)
            #expect(response.status == .ok)
        }
    }

    @Test("camelCase and snake_case are both accepted")
    func snakeCaseAccepted() async throws {
        try await withFake { _, client in
            let body = #"""
                {"system_instruction": {"parts": [{"text": "be brief"}]},
                 "contents": [{"role": "user", "parts": [{"text": "hi"}, {"inline_data": {"mime_type": "image/png", "data": "AAAA"}}]}],
                 "generation_config": {"max_output_tokens": 100, "thinking_config": {"thinking_budget": 0}},
                 "safety_settings": [{"category": "HARM_CATEGORY_HARASSMENT", "threshold": "BLOCK_NONE"}],
                 "tool_config": {"function_calling_config": {"mode": "AUTO"}}}
                """#
            let response = try await client.post(generate, body)
            #expect(response.status == .ok)
            #expect(!response.json["usageMetadata"]["thoughtsTokenCount"].exists)  // budget 0 switched thinking off
        }
    }

    @Test("missing or empty contents, and empty parts, give Google's validation lines")
    func emptyContents() async throws {
        try await withFake { _, client in
            let missing = try await client.post(generate, "{}")
            #expect(missing.json["error"]["message"].string == "* GenerateContentRequest.contents: contents is not specified\n")
            let empty = try await client.post(generate, #"{"contents": []}"#)
            #expect(empty.json["error"]["message"].string == "* GenerateContentRequest.contents: contents is not specified\n")
            let noParts = try await client.post(generate, #"{"contents": [{"role": "user", "parts": [{"text": "a"}]}, {"role": "model", "parts": []}]}"#)
            #expect(noParts.status == .badRequest)
            #expect(noParts.json["error"]["message"].string == "* GenerateContentRequest.contents[1].parts: contents.parts must not be empty.\n")
            let emptyPart = try await client.post(generate, #"{"contents": [{"parts": [{}]}]}"#)
            #expect(emptyPart.json["error"]["message"].string
                == "* GenerateContentRequest.contents[0].parts[0].data: required oneof field 'data' must have one initialized field\n")
        }
    }

    @Test("thinkingBudget together with thinkingLevel is refused")
    func thinkingBudgetAndLevel() async throws {
        try await withFake { _, client in
            let extra = #""generationConfig": {"thinkingConfig": {"thinkingBudget": 1024, "thinkingLevel": "high"}}"#
            let response = try await client.post("/v1beta/models/gemini-3-pro-preview:generateContent?key=AIzaValid", chatBody("hi", extra: extra))
            #expect(response.status == .badRequest)
            #expect(response.json["error"]["message"].string == "You can only set only one of thinking budget and thinking level.")
        }
    }

    @Test("malformed JSON is 400 'Invalid JSON payload received.'")
    func malformedJSON() async throws {
        try await withFake { _, client in
            let response = try await client.post(generate, #"{"contents": [{"parts": [{"text": "hi"}]}"#)
            #expect(response.status == .badRequest)
            #expect(response.json["error"]["status"].string == "INVALID_ARGUMENT")
            #expect(response.json["error"]["message"].string?.hasPrefix("Invalid JSON payload received.") == true)
        }
    }

    @Test("malformed JSON is worded as Google's parser words it, with a caret under the offending byte")
    func malformedJSONWording() async throws {
        try await withFake { _, client in
            let response = try await client.post(generate, #"{"contents": [}"#)
            #expect(response.json["error"]["message"].string == "Invalid JSON payload received. Unexpected token.\n{\"contents\": [}\n              ^")
        }
    }

    @Test("a role other than user or model is refused")
    func invalidRole() async throws {
        try await withFake { _, client in
            let response = try await client.post(generate, #"{"contents": [{"role": "assistant", "parts": [{"text": "hi"}]}]}"#)
            #expect(response.json["error"]["message"].string == "Please use a valid role: user, model.")
        }
    }

    @Test("unknown models and unsupported methods are 404 NOT_FOUND")
    func unknownModel() async throws {
        try await withFake { _, client in
            let unknown = try await client.post("/v1beta/models/gemini-9-ultra:generateContent?key=AIzaValid", chatBody("hi"))
            #expect(unknown.status == .notFound)
            #expect(unknown.json["error"]["status"].string == "NOT_FOUND")
            #expect(unknown.json["error"]["message"].string == "models/gemini-9-ultra is not found for API version v1beta, or is not "
                + "supported for generateContent. Call ListModels to see the list of available models and their supported methods.")
            let embeddingModel = try await client.post("/v1beta/models/text-embedding-004:generateContent?key=AIzaValid", chatBody("hi"))
            #expect(embeddingModel.status == .notFound)
            let legacy = try await client.post("/v1/models/chat-bison-001:generateContent?key=AIzaValid", chatBody("hi"))
            #expect(legacy.json["error"]["message"].string?.contains("API version v1,") == true)
        }
    }

    @Test("%3A in the path, /v1 paths, and unknown paths")
    func pathForms() async throws {
        try await withFake { _, client in
            #expect(try await client.post("/v1beta/models/gemini-2.5-flash%3AgenerateContent?key=AIzaValid", chatBody("hi")).status == .ok)
            #expect(try await client.post("/v1/models/gemini-2.5-flash:generateContent?key=AIzaValid", chatBody("hi")).status == .ok)
            let unknown = try await client.post("/v1beta/models/gemini-2.5-flash:doMagic?key=AIzaValid", chatBody("hi"))
            #expect(unknown.status == .notFound)
            #expect(unknown.headers[.contentType]?.hasPrefix("text/html") == true)
        }
    }
}
