/// Shapes an `Answer` as Google's `GenerateContentResponse` (wire reference §2.2, §2.3, §3.6):
/// either one whole response, or the frames of a stream.
struct GenerateResponseBuilder {
    let answer: Answer
    let model: FakeModel
    let responseID: String

    // MARK: Whole response

    func wholeResponse() -> OrderedJSON {
        if case .blockedPrompt = answer.body { return blockedResponse() }
        var parts: [OrderedJSON] = []
        if let summary = answer.thoughtSummary { parts.append(Self.thoughtPart(summary)) }
        parts += contentParts(text: answer.visibleText)
        let candidates = (0..<answer.candidateCount).map { index in
            candidate(parts: parts, finished: true, index: index)
        }
        return response(candidates: candidates, candidatesTokens: answer.candidatesTokenCount * answer.candidateCount)
    }

    // MARK: Stream frames

    /// The frames of a stream: text spread over `count` frames (a thought summary takes the first),
    /// function calls whole in one frame, finishReason only on the last; usage is cumulative.
    func streamFrames(count: Int) -> [OrderedJSON] {
        if case .blockedPrompt = answer.body { return [blockedResponse()] }
        var frames: [OrderedJSON] = []
        var textFrameCount = max(1, count)
        if let summary = answer.thoughtSummary {
            frames.append(response(candidates: [candidate(parts: [Self.thoughtPart(summary)], finished: false, index: 0)], candidatesTokens: 0))
            textFrameCount = max(1, count - 1)
        }
        guard case .text(let text) = answer.body else {
            frames.append(response(candidates: [candidate(parts: contentParts(text: nil), finished: true, index: 0)],
                                   candidatesTokens: answer.candidatesTokenCount))
            return frames
        }
        let slices = Self.split(text, into: textFrameCount)
        for (position, slice) in slices.enumerated() {
            let isLast = position == slices.count - 1
            var parts: [OrderedJSON] = [["text": .string(slice)]]
            if isLast, let image = answer.imageBase64 { parts.append(Self.inlineData(mimeType: "image/png", base64: image)) }
            // Cumulative: a share of the final count, reaching it exactly on the last frame.
            let tokensSoFar = answer.candidatesTokenCount * (position + 1) / slices.count
            frames.append(response(candidates: [candidate(parts: parts, finished: isLast, index: 0)], candidatesTokens: tokensSoFar))
        }
        return frames
    }

    /// Splits text into `count` slices of nearly equal length (some empty when the text is short).
    static func split(_ text: String, into count: Int) -> [String] {
        let characters = Array(text)
        return (0..<count).map { index in
            let start = characters.count * index / count
            let end = characters.count * (index + 1) / count
            return String(characters[start..<end])
        }
    }

    // MARK: Pieces

    private func response(candidates: [OrderedJSON], candidatesTokens: Int) -> OrderedJSON {
        [
            "candidates": .array(candidates),
            "usageMetadata": usage(candidatesTokens: candidatesTokens),
            "modelVersion": .string(model.id),
            "responseId": .string(responseID),
        ]
    }

    private func candidate(parts: [OrderedJSON], finished: Bool, index: Int) -> OrderedJSON {
        // The last stream frame may carry no parts at all: `"content": {"role": "model"}`.
        let content: OrderedJSON = parts.isEmpty ? ["role": "model"] : ["parts": .array(parts), "role": "model"]
        var candidate: OrderedJSON = ["content": content]
        if finished {
            candidate.append("finishReason", .string(answer.finishReason))
            if case .functionCalls = answer.body, model.signsFunctionCalls {
                candidate.append("finishMessage", "Model generated function call(s).")
            }
        }
        if model.sendsCandidateIndex { candidate.append("index", .int(index)) }
        return candidate
    }

    /// Answer parts after the thought summary: text, function calls, media.
    private func contentParts(text: String?) -> [OrderedJSON] {
        var parts: [OrderedJSON] = []
        switch answer.body {
        case .text:
            if let text { parts.append(["text": .string(text)]) }
        case .functionCalls(let calls):
            for (position, call) in calls.enumerated() {
                var part: OrderedJSON = ["functionCall": ["name": .string(call.name), "args": call.args]]
                // Parallel calls: only the first part carries the signature.
                if position == 0, let signature = answer.thoughtSignature { part.append("thoughtSignature", .string(signature)) }
                parts.append(part)
            }
        case .audio(let base64):
            parts.append(Self.inlineData(mimeType: FakeMedia.audioMimeType, base64: base64))
        case .blockedPrompt:
            break
        }
        if let image = answer.imageBase64 { parts.append(Self.inlineData(mimeType: "image/png", base64: image)) }
        return parts
    }

    private func usage(candidatesTokens: Int) -> OrderedJSON {
        var usage: OrderedJSON = ["promptTokenCount": .int(answer.promptTokenCount)]
        if candidatesTokens > 0 { usage.append("candidatesTokenCount", .int(candidatesTokens)) }
        usage.append("totalTokenCount", .int(answer.promptTokenCount + candidatesTokens + answer.thoughtsTokenCount))
        usage.append("promptTokensDetails", [["modality": "TEXT", "tokenCount": .int(answer.promptTokenCount)]])
        if answer.thoughtsTokenCount > 0 { usage.append("thoughtsTokenCount", .int(answer.thoughtsTokenCount)) }
        return usage
    }

    /// HTTP 200 with no candidates, as Google answers a prompt it refuses (wire reference §3.6).
    private func blockedResponse() -> OrderedJSON {
        let ratings: [OrderedJSON] = [
            ["category": "HARM_CATEGORY_SEXUALLY_EXPLICIT", "probability": "NEGLIGIBLE"],
            ["category": "HARM_CATEGORY_HATE_SPEECH", "probability": "NEGLIGIBLE"],
            ["category": "HARM_CATEGORY_HARASSMENT", "probability": "MEDIUM"],
            ["category": "HARM_CATEGORY_DANGEROUS_CONTENT", "probability": "NEGLIGIBLE"],
        ]
        return [
            "promptFeedback": ["blockReason": "SAFETY", "safetyRatings": .array(ratings)],
            "usageMetadata": usage(candidatesTokens: 0),
            "modelVersion": .string(model.id),
            "responseId": .string(responseID),
        ]
    }

    private static func thoughtPart(_ summary: String) -> OrderedJSON {
        ["text": .string(summary), "thought": true]
    }

    private static func inlineData(mimeType: String, base64: String) -> OrderedJSON {
        ["inlineData": ["mimeType": .string(mimeType), "data": .string(base64)]]
    }
}
