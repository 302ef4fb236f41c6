/// Renders Gemini parts into `AnswerPiece`s, for one choice across a whole answer.
///
/// Every part counts (gemini-balance read `parts[0]` only and lost the answer behind a thought
/// part). Text is concatenated as it comes, with no separator, because Gemini splits text at
/// arbitrary points. Images and code blocks start on their own paragraph, which needs to know
/// what came before, hence the state: a stream feeds the same renderer event after event.
struct CandidatePartRenderer {
    private let makeToolCallID: @Sendable () -> String
    /// Whether the content so far ends a paragraph (or nothing was written yet).
    private var contentEndsParagraph = true
    private var wroteContent = false
    /// Thought signatures seen on function calls, by the tool-call id handed out.
    private(set) var signatures: [String: String] = [:]

    init(makeToolCallID: @escaping @Sendable () -> String) {
        self.makeToolCallID = makeToolCallID
    }

    mutating func render(_ parts: [JSONValue]) -> [AnswerPiece] {
        var pieces: [AnswerPiece] = []
        for part in parts {
            if let piece = render(part) { pieces.append(piece) }
        }
        return pieces
    }

    private mutating func render(_ part: JSONValue) -> AnswerPiece? {
        if let call = part["functionCall"] {
            let name = call["name"]?.stringValue ?? ""
            let id = call["id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? makeToolCallID()
            if let signature = part["thoughtSignature"]?.stringValue, !signature.isEmpty {
                signatures[id] = signature
            }
            let args = call["args"].flatMap { $0.isNull ? nil : $0 } ?? .object([:])
            return .toolCall(id: id, name: name, arguments: args.serializedText)
        }
        if let text = part["text"]?.stringValue {
            // An empty text part that only carries a thought signature says nothing.
            guard !text.isEmpty else { return nil }
            if part["thought"]?.boolValue == true { return .reasoning(text) }
            return content(text)
        }
        if let blob = part["inlineData"], let data = blob["data"]?.stringValue, !data.isEmpty {
            let mimeType = blob["mimeType"]?.stringValue ?? "application/octet-stream"
            let url = "data:\(mimeType);base64,\(data)"
            let markdown = mimeType.hasPrefix("image/") ? "![image](\(url))" : "[\(mimeType)](\(url))"
            return block(markdown)
        }
        if let file = part["fileData"], let uri = file["fileUri"]?.stringValue {
            return block("[\(file["mimeType"]?.stringValue ?? "file")](\(uri))")
        }
        if let code = part["executableCode"] {
            let language = (code["language"]?.stringValue ?? "").lowercased()
            let fence = language.isEmpty || language == "language_unspecified" ? "" : language
            return block("```\(fence)\n\(code["code"]?.stringValue ?? "")\n```")
        }
        if let result = part["codeExecutionResult"] {
            let output = result["output"]?.stringValue ?? ""
            let outcome = result["outcome"]?.stringValue ?? "OUTCOME_OK"
            let label = outcome == "OUTCOME_OK" ? "" : "\(outcome)\n"
            return block("```\n\(label)\(output)\(output.hasSuffix("\n") ? "" : "\n")```")
        }
        return nil
    }

    private mutating func content(_ text: String) -> AnswerPiece {
        wroteContent = true
        contentEndsParagraph = text.hasSuffix("\n\n")
        return .content(text)
    }

    /// Block-level markdown (image, code) set apart from surrounding text.
    private mutating func block(_ markdown: String) -> AnswerPiece {
        let lead: String
        if !wroteContent || contentEndsParagraph {
            lead = ""
        } else {
            lead = "\n\n"
        }
        wroteContent = true
        contentEndsParagraph = true
        return .content(lead + markdown + "\n\n")
    }
}
