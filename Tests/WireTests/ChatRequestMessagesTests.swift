import Testing
@testable import Wire

@Suite("Chat request: messages to contents")
struct ChatRequestMessagesTests {
    @Test func systemAndDeveloperMessagesBecomeOneSystemInstruction() async throws {
        let plan = try await Support.convert(Support.request([
            ["role": "system", "content": "Be brief."],
            ["role": "developer", "content": [["type": "text", "text": "Use French."]]],
            ["role": "user", "content": "Hi"],
            ["role": "system", "content": "Mid-conversation note."],
            ["role": "user", "content": "Again"],
        ]))
        #expect(plan.body["systemInstruction"] == ["parts": [["text": "Be brief.\n\nUse French.\n\nMid-conversation note."]]])
        // The two user messages around the folded system message merge into one turn.
        #expect(plan.body.contents == [["role": "user", "parts": [["text": "Hi"], ["text": "Again"]]]])
    }

    @Test func userContentStringAndParts() async throws {
        let plan = try await Support.convert(Support.request([
            ["role": "user", "content": [
                ["type": "text", "text": "Look:"],
                ["type": "text", "text": ""],
                ["type": "image_url", "image_url": ["url": "data:image/jpg;base64,QUJD"]],
            ]]
        ]))
        #expect(plan.body.contents == [[
            "role": "user",
            "parts": [["text": "Look:"], ["inlineData": ["mimeType": "image/jpeg", "data": "QUJD"]]],
        ]])
    }

    @Test func assistantTextAndToolCallsStayInOneModelTurn() async throws {
        let plan = try await Support.convert(Support.request([
            ["role": "user", "content": "Weather?"],
            ["role": "assistant", "content": "Checking.", "tool_calls": [
                ["id": "call_1", "type": "function", "function": ["name": "weather", "arguments": "{\"city\":\"Oslo\"}"]]
            ]],
            ["role": "tool", "tool_call_id": "call_1", "content": "{\"temp\":3}"],
        ]))
        #expect(plan.body.contents == [
            ["role": "user", "parts": [["text": "Weather?"]]],
            ["role": "model", "parts": [
                ["text": "Checking."],
                ["functionCall": ["name": "weather", "args": ["city": "Oslo"]]],
            ]],
            ["role": "user", "parts": [["functionResponse": ["name": "weather", "response": ["temp": 3]]]]],
        ])
    }

    @Test func toolResultsAreGroupedInCallOrder() async throws {
        let plan = try await Support.convert(Support.request([
            ["role": "user", "content": "Two cities"],
            ["role": "assistant", "content": nil, "tool_calls": [
                ["id": "a", "type": "function", "function": ["name": "weather", "arguments": "{\"city\":\"A\"}"]],
                ["id": "b", "type": "function", "function": ["name": "time", "arguments": ""]],
            ]],
            ["role": "tool", "tool_call_id": "b", "content": "noon"],
            ["role": "tool", "tool_call_id": "a", "content": "[1,2]"],
            ["role": "user", "content": "And?"],
        ]))
        let contents = plan.body.contents
        #expect(contents.count == 3)
        #expect(contents[1]["parts"] == [
            ["functionCall": ["name": "weather", "args": ["city": "A"]]],
            ["functionCall": ["name": "time", "args": [:]]],
        ])
        // One user turn: both results (in call order, though sent reversed), then the text.
        #expect(contents[2] == ["role": "user", "parts": [
            ["functionResponse": ["name": "weather", "response": ["output": "[1,2]"]]],
            ["functionResponse": ["name": "time", "response": ["output": "noon"]]],
            ["text": "And?"],
        ]])
    }

    @Test func unknownToolCallIDIsAClearError() async {
        let error = await Support.conversionError(Support.request([
            ["role": "user", "content": "x"],
            ["role": "assistant", "content": "y"],
            ["role": "user", "content": "z"],
            ["role": "tool", "tool_call_id": "call_x", "content": "r"],
        ]))
        #expect(error?.cause == .invalidToolHistory)
        #expect(error?.param == "messages[3].tool_call_id")
        #expect(error?.message == "messages[3]: tool message refers to tool_call_id call_x, which no earlier assistant message declared.")
    }

    @Test func unknownToolCallIDWithANameUsesTheName() async throws {
        let plan = try await Support.convert(Support.request([
            ["role": "user", "content": "x"],
            ["role": "tool", "tool_call_id": "gone", "name": "lookup", "content": "r"],
        ]))
        #expect(plan.body.contents[0]["parts"]?[1] == ["functionResponse": ["name": "lookup", "response": ["output": "r"]]])
    }

    @Test func legacyFunctionMessages() async throws {
        let plan = try await Support.convert(Support.request([
            ["role": "user", "content": "x"],
            ["role": "assistant", "content": nil, "function_call": ["name": "f", "arguments": "{\"a\":1}"]],
            ["role": "function", "name": "f", "content": "{\"ok\":true}"],
        ]))
        #expect(plan.body.contents[1]["parts"] == [["functionCall": ["name": "f", "args": ["a": 1]]]])
        #expect(plan.body.contents[2]["parts"] == [["functionResponse": ["name": "f", "response": ["ok": true]]]])
    }

    @Test func invalidArgumentsAreA400ClassError() async {
        let error = await Support.conversionError(Support.request([
            ["role": "user", "content": "x"],
            ["role": "assistant", "tool_calls": [["id": "c", "type": "function", "function": ["name": "f", "arguments": "{oops"]]]],
        ]))
        #expect(error?.cause == .invalidToolArguments)
        #expect(error?.param == "messages[1].tool_calls[0].function.arguments")
        let notObject = await Support.conversionError(Support.request([
            ["role": "user", "content": "x"],
            ["role": "assistant", "tool_calls": [["id": "c", "type": "function", "function": ["name": "f", "arguments": "[1]"]]]],
        ]))
        #expect(notObject?.message.contains("must be a JSON object") == true)
    }

    @Test func argumentsGivenAsAnObjectAreAccepted() async throws {
        let plan = try await Support.convert(Support.request([
            ["role": "user", "content": "x"],
            ["role": "assistant", "tool_calls": [["id": "c", "type": "function", "function": ["name": "f", "arguments": ["k": "v"]]]]],
        ]))
        #expect(plan.body.contents[1]["parts"]?[0]?["functionCall"]?["args"] == ["k": "v"])
    }

    @Test func emptyAssistantMessagesAreDroppedAndSameRolesMerge() async throws {
        let plan = try await Support.convert(Support.request([
            ["role": "user", "content": "a"],
            ["role": "assistant", "content": ""],
            ["role": "assistant", "content": nil],
            ["role": "user", "content": "b"],
            ["role": "assistant", "content": "c"],
            ["role": "assistant", "content": [["type": "text", "text": "d"]]],
        ]))
        #expect(plan.body.contents == [
            ["role": "user", "parts": [["text": "a"], ["text": "b"]]],
            ["role": "model", "parts": [["text": "c"], ["text": "d"]]],
        ])
    }

    @Test func trailingAssistantStaysAModelTurnForPrefill() async throws {
        let plan = try await Support.convert(Support.request([
            ["role": "user", "content": "Write a haiku"],
            ["role": "assistant", "content": "Autumn moonlight—"],
        ]))
        #expect(plan.body.contents.last == ["role": "model", "parts": [["text": "Autumn moonlight—"]]])
    }

    @Test func aHistoryOpeningWithTheAssistantGetsABlankUserTurnFirst() async throws {
        let plan = try await Support.convert(Support.request([
            ["role": "system", "content": "You are Seraphina."],
            ["role": "assistant", "content": "*waves* Hello, traveller."],
            ["role": "user", "content": "Hi!"],
        ]))
        #expect(plan.body.contents == [
            ["role": "user", "parts": [["text": " "]]],
            ["role": "model", "parts": [["text": "*waves* Hello, traveller."]]],
            ["role": "user", "parts": [["text": "Hi!"]]],
        ])
    }

    @Test func namesAreDroppedAndReasoningContentIsNotSent() async throws {
        let plan = try await Support.convert(Support.request([
            ["role": "user", "name": "Alex", "content": "hi"],
            ["role": "assistant", "name": "Bot", "content": "hello", "reasoning_content": "thinking..."],
        ]))
        #expect(plan.body.contents == [
            ["role": "user", "parts": [["text": "hi"]]],
            ["role": "model", "parts": [["text": "hello"]]],
        ])
    }

    @Test func onlySystemMessagesStillMakeAValidRequest() async throws {
        let plan = try await Support.convert(Support.request([["role": "system", "content": "Say hi."]]))
        #expect(plan.body.contents == [["role": "user", "parts": [["text": " "]]]])
        #expect(plan.body["systemInstruction"] != nil)
    }

    @Test func badShapesAreRefused() async {
        #expect(await Support.conversionError(Support.request([]))?.param == "messages")
        #expect(await Support.conversionError(Support.request([["role": "wizard", "content": "x"]]))?.param == "messages[0].role")
        #expect(await Support.conversionError(Support.request([["content": "x"]]))?.param == "messages[0].role")
        #expect(await Support.conversionError(["model": "gemini-2.5-flash"])?.param == "messages")
        #expect(await Support.conversionError(["messages": []])?.param == "model")
        #expect(await Support.conversionError(Support.request([["role": "user", "content": 5]]))?.param == "messages[0].content")
        let unknownPart = await Support.conversionError(Support.request([["role": "user", "content": [["type": "hologram"]]]]))
        #expect(unknownPart?.cause == .unsupported)
        #expect(unknownPart?.param == "messages[0].content[0].type")
    }

    @Test func toolResultObjectContentAndImages() async throws {
        let plan = try await Support.convert(Support.request([
            ["role": "user", "content": "x"],
            ["role": "assistant", "tool_calls": [["id": "c", "type": "function", "function": ["name": "shot", "arguments": "{}"]]]],
            ["role": "tool", "tool_call_id": "c", "content": [
                ["type": "text", "text": "done"],
                ["type": "image_url", "image_url": ["url": "data:image/png;base64,AAAA"]],
            ]],
        ]))
        #expect(plan.body.contents[2]["parts"] == [[
            "functionResponse": [
                "name": "shot",
                "response": ["output": "done"],
                "parts": [["inlineData": ["mimeType": "image/png", "data": "AAAA"]]],
            ]
        ]])
    }
}
