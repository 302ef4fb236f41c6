import Testing
@testable import Wire

@Suite("Chat request: tools")
struct ChatRequestToolsTests {
    private func plan(_ extra: [String: JSONValue], model: String = "gemini-2.5-flash", settings: ChatConversionSettings = ChatConversionSettings())
        async throws -> ChatRequestPlan
    {
        try await Support.convert(Support.request([["role": "user", "content": "hi"]], model: model, extra: extra), settings: settings)
    }

    @Test func functionToolsBecomeDeclarationsWithJSONSchema() async throws {
        let plan = try await plan(["tools": [
            ["type": "function", "function": [
                "name": "get_weather", "description": "Weather", "strict": true,
                "parameters": [
                    "$schema": "http://json-schema.org/draft-07/schema#",
                    "type": "object",
                    "properties": [
                        "city": ["type": "string", "const": "Paris"],
                        "strict": ["type": "boolean"],
                        "examples": ["type": "array", "items": ["type": "string"]],
                    ],
                    "required": ["city"],
                    "additionalProperties": false,
                ],
            ]],
            ["type": "function", "function": ["name": "now", "parameters": ["type": "object", "properties": [:]]]],
            ["type": "function", "function": ["name": "ping", "parameters": ["type": "object"]]],
            ["type": "function", "function": ["name": "get_weather", "description": "duplicate"]],
        ]])
        #expect(plan.body["tools"] == [[
            "functionDeclarations": [
                [
                    "name": "get_weather", "description": "Weather",
                    "parametersJsonSchema": [
                        "type": "object",
                        // Properties named like keywords are kept (gemini-balance deleted them).
                        "properties": [
                            "city": ["type": "string", "const": "Paris"],
                            "strict": ["type": "boolean"],
                            "examples": ["type": "array", "items": ["type": "string"]],
                        ],
                        "required": ["city"],
                        "additionalProperties": false,
                    ],
                ],
                ["name": "now"],
                ["name": "ping"],
            ]
        ]])
    }

    @Test func legacyFunctionsAndFunctionCall() async throws {
        let plan = try await plan([
            "functions": [["name": "f", "parameters": ["type": "object", "properties": ["a": ["type": "integer"]]]]],
            "function_call": ["name": "f"],
        ])
        #expect(plan.body["tools"]?[0]?["functionDeclarations"]?[0]?["name"] == "f")
        #expect(plan.body["toolConfig"] == ["functionCallingConfig": ["mode": "ANY", "allowedFunctionNames": ["f"]]])
    }

    static let toolChoices: [(JSONValue, JSONValue)] = [
        ("auto", ["mode": "AUTO"]),
        ("none", ["mode": "NONE"]),
        ("required", ["mode": "ANY"]),
        (["type": "function", "function": ["name": "f"]], ["mode": "ANY", "allowedFunctionNames": ["f"]]),
        (
            ["type": "allowed_tools", "allowed_tools": ["mode": "required", "tools": [["type": "function", "function": ["name": "f"]]]]],
            ["mode": "ANY", "allowedFunctionNames": ["f"]]
        ),
    ]

    @Test(arguments: toolChoices)
    func toolChoice(choice: JSONValue, expected: JSONValue) async throws {
        let plan = try await plan([
            "tools": [["type": "function", "function": ["name": "f"]]],
            "tool_choice": choice,
        ])
        #expect(plan.body["toolConfig"] == ["functionCallingConfig": expected])
    }

    /// `allowed_tools` in auto mode used to become plain AUTO, with every tool callable.
    @Test(arguments: [
        ("auto", ["mode": "AUTO"]), ("required", ["mode": "ANY", "allowedFunctionNames": ["get_weather", "get_time"]]),
    ] as [(String, JSONValue)])
    func allowedToolsRestrictTheCallableFunctions(mode: String, expected: JSONValue) async throws {
        let plan = try await plan([
            "tools": [
                ["type": "function", "function": ["name": "get_weather"]], ["type": "function", "function": ["name": "delete_files"]],
                ["type": "function", "function": ["name": "get_time"]],
            ],
            "tool_choice": ["type": "allowed_tools", "allowed_tools": ["mode": .string(mode), "tools": [
                ["type": "function", "function": ["name": "get_weather"]], ["type": "function", "name": "get_time"],
            ]]],
        ])
        #expect(plan.body["toolConfig"] == ["functionCallingConfig": expected])
        #expect(plan.body["tools"] == [["functionDeclarations": [["name": "get_weather"], ["name": "get_time"]]]])
    }

    @Test(arguments: [
        ["mode": "auto", "tools": []], ["mode": "sometimes", "tools": [["type": "function", "function": ["name": "f"]]]],
        ["mode": "auto", "tools": [["type": "function", "function": ["name": "g"]]]],
    ] as [JSONValue])
    func badAllowedToolsAreRefused(allowed: JSONValue) async {
        let error = await Support.conversionError(Support.request([["role": "user", "content": "x"]], extra: [
            "tools": [["type": "function", "function": ["name": "f"]]],
            "tool_choice": ["type": "allowed_tools", "allowed_tools": allowed],
        ]))
        #expect(error?.cause == .invalidRequest)
        #expect(error?.param?.hasPrefix("tool_choice.allowed_tools") == true, "\(error?.param ?? "")")
    }

    @Test func toolChoiceNamingAnUnknownFunctionIsRefused() async {
        let error = await Support.conversionError(Support.request([["role": "user", "content": "x"]], extra: [
            "tools": [["type": "function", "function": ["name": "f"]]],
            "tool_choice": ["type": "function", "function": ["name": "g"]],
        ]))
        #expect(error?.param == "tool_choice")
    }

    @Test func toolChoiceWithoutToolsIsDropped() async throws {
        let plan = try await plan(["tool_choice": "auto", "tools": []])
        #expect(plan.body["toolConfig"] == nil)
        #expect(plan.body["tools"] == nil)
    }

    @Test func googleSearchFunctionTurnsOnSearch() async throws {
        let plan = try await plan(["tools": [["type": "function", "function": ["name": "googleSearch", "parameters": ["type": "object"]]]]])
        #expect(plan.body["tools"] == [["googleSearch": [:]]])
    }

    @Test func searchVariantAndWebSearchOptionsAddGoogleSearch() async throws {
        let settings = ChatConversionSettings(modelLists: ModelListSettings(searchModels: ["gemini-2.5-flash"]))
        #expect(try await plan([:], model: "gemini-2.5-flash-search", settings: settings).body["tools"] == [["googleSearch": [:]]])
        #expect(try await plan(["web_search_options": [:]]).body["tools"] == [["googleSearch": [:]]])
    }

    @Test func builtInToolsAreNotMixedWithFunctions() async throws {
        let settings = ChatConversionSettings(
            modelLists: ModelListSettings(searchModels: ["gemini-2.5-flash"]), codeExecutionEnabled: true,
            urlContextEnabled: true, urlContextModels: ["gemini-2.5-flash"])
        let plan = try await plan(
            ["tools": [["type": "function", "function": ["name": "f"]]]], model: "gemini-2.5-flash-search", settings: settings)
        #expect(plan.body["tools"] == [["functionDeclarations": [["name": "f"]]]])
    }

    @Test func codeExecutionAndURLContextFromSettings() async throws {
        let settings = ChatConversionSettings(codeExecutionEnabled: true, urlContextEnabled: true, urlContextModels: ["gemini-2.5-flash"])
        #expect(try await plan([:], settings: settings).body["tools"] == [["codeExecution": [:]], ["urlContext": [:]]])
        // Not for JSON output.
        #expect(try await plan(["response_format": ["type": "json_object"]], settings: settings).body["tools"] == nil)
        // URL context only for listed models.
        #expect(try await plan([:], model: "gemini-2.0-flash", settings: settings).body["tools"] == [["codeExecution": [:]]])
    }

    @Test func otherToolTypesAreRefused() async {
        let error = await Support.conversionError(Support.request([["role": "user", "content": "x"]], extra: [
            "tools": [["type": "code_interpreter"]]
        ]))
        #expect(error?.cause == .unsupported)
        #expect(error?.param == "tools[0].type")
    }

    @Test func schemaReferencesAreInlined() {
        let schema: JSONValue = [
            "type": "object",
            "$defs": ["P": ["type": "object", "properties": ["n": ["type": "string"]]]],
            "properties": [
                "a": ["$ref": "#/$defs/P", "description": "first"],
                "b": ["type": "array", "items": ["$ref": "#/definitions/Q"]],
            ],
            "definitions": ["Q": ["anyOf": [["$ref": "#/$defs/P"], ["type": "null"]]]],
        ]
        #expect(JSONSchemaCleaner.inliningReferences(schema) == [
            "type": "object",
            "properties": [
                "a": ["type": "object", "properties": ["n": ["type": "string"]], "description": "first"],
                "b": ["type": "array", "items": ["anyOf": [["type": "object", "properties": ["n": ["type": "string"]]], ["type": "null"]]]],
            ],
        ])
    }

    @Test func recursiveSchemasAreLeftForGemini() {
        let schema: JSONValue = [
            "$defs": ["Node": ["type": "object", "properties": ["children": ["type": "array", "items": ["$ref": "#/$defs/Node"]]]]],
            "$ref": "#/$defs/Node",
        ]
        #expect(JSONSchemaCleaner.inliningReferences(schema) == schema)
    }

    /// D0 … D29, each referring twice to the next: inlined, that is 2³⁰ copies. The work stops
    /// at the node budget and the schema goes to Gemini with its `$defs`.
    @Test func schemasThatWouldGrowExponentiallyAreSentWithTheirDefinitions() async throws {
        var definitions: [String: JSONValue] = ["D30": ["type": "string"]]
        for index in 0..<30 {
            let next: JSONValue = ["$ref": .string("#/$defs/D\(index + 1)")]
            definitions["D\(index)"] = ["type": "object", "properties": ["left": next, "right": next]]
        }
        let schema: JSONValue = [
            "type": "object", "properties": ["root": ["$ref": "#/$defs/D0"]], "$defs": .object(definitions),
        ]
        let started = ContinuousClock.now
        let plan = try await Support.convert(Support.request([["role": "user", "content": "x"]], extra: [
            "response_format": ["type": "json_schema", "json_schema": ["name": "tree", "schema": schema]],
        ]))
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(plan.body["generationConfig"]?["responseJsonSchema"] == schema)
    }
}
