import Foundation

/// Turns an OpenAI message `content` (a string or a list of typed parts) into Gemini parts.
struct MessageContentParts {
    /// Images fetched ahead of conversion, by the URL text the client sent.
    let fetched: [String: FetchedMedia]
    /// Markdown `![…](data:…)` images in text become `inlineData` parts.
    let extractMarkdownImages: Bool

    /// Gemini parts for `content`; empty strings produce no part (Gemini refuses empty parts).
    func parts(of content: JSONValue?, param: String) throws(ConversionError) -> [JSONValue] {
        guard let content, !content.isNull else { return [] }
        switch content {
        case .string(let text):
            return textParts(text)
        case .array(let items):
            var parts: [JSONValue] = []
            for (index, item) in items.enumerated() {
                parts.append(contentsOf: try self.parts(ofItem: item, param: "\(param)[\(index)]"))
            }
            return parts
        default:
            throw ConversionError.invalid(param, "content must be a string or a list of content parts.")
        }
    }

    private func textParts(_ text: String) -> [JSONValue] {
        guard !text.isEmpty else { return [] }
        guard extractMarkdownImages else { return [["text": .string(text)]] }
        return MarkdownImages.split(text).map { piece in
            switch piece {
            case .text(let value): return ["text": .string(value)]
            case .image(let mimeType, let base64): return Self.inlineData(mimeType: mimeType, base64: base64)
            }
        }
    }

    func parts(ofItem item: JSONValue, param: String) throws(ConversionError) -> [JSONValue] {
        if case .string(let text) = item { return textParts(text) }
        guard item.objectValue != nil else {
            throw ConversionError.invalid(param, "a content part must be an object with a 'type'.")
        }
        let type = item["type"]?.stringValue ?? (item["text"] != nil ? "text" : "")
        switch type {
        case "text", "input_text", "output_text":
            return textParts(item["text"]?.stringValue ?? "")
        case "refusal":
            return textParts(item["refusal"]?.stringValue ?? "")
        case "image_url", "input_image":
            let url = item["image_url"]?.stringValue ?? item.value(at: "image_url", "url")?.stringValue
            guard let url, !url.isEmpty else {
                throw ConversionError.invalid(param + ".image_url.url", "the image part has no URL.")
            }
            return [try media(for: url, param: param + ".image_url.url")]
        case "input_audio":
            return [try encodedMedia(item["input_audio"], kind: "audio", param: param + ".input_audio")]
        case "input_video", "video_url":
            if let url = item.value(at: "video_url", "url")?.stringValue ?? item["video_url"]?.stringValue {
                return [try media(for: url, param: param + ".video_url.url")]
            }
            return [try encodedMedia(item["input_video"], kind: "video", param: param + ".input_video")]
        case "file":
            return [try file(item["file"], param: param + ".file")]
        default:
            throw ConversionError(
                .unsupported,
                "\(param): content parts of type '\(type)' are not supported (use text, image_url, input_audio or file).",
                param: param + ".type")
        }
    }

    /// An image (or video) referenced by URL.
    private func media(for url: String, param: String) throws(ConversionError) -> JSONValue {
        switch try MediaReference.classify(url, param: param) {
        case .inline(let mimeType, let base64):
            return Self.inlineData(mimeType: mimeType, base64: base64)
        case .file(let uri, let mimeType):
            return Self.fileData(uri: uri, mimeType: mimeType)
        case .fetch:
            guard let media = fetched[url.trimmingSpaces] else {
                // The prefetch pass fetches every http(s) URL; reaching here is a bug upstream of us.
                throw ConversionError(.mediaUnavailable, "\(param): the image at \(url) was not fetched.", param: param)
            }
            return Self.inlineData(mimeType: MediaTypes.normalize(media.mimeType), base64: media.base64Data)
        }
    }

    /// `{data, format}` as in `input_audio`; `data` may also be a data: URL.
    private func encodedMedia(_ object: JSONValue?, kind: String, param: String) throws(ConversionError) -> JSONValue {
        guard let data = object?["data"]?.stringValue, !data.isEmpty else {
            throw ConversionError.invalid(param + ".data", "the \(kind) part has no data.")
        }
        if data.lowercased().hasPrefix("data:") { return try media(for: data, param: param + ".data") }
        guard let format = object?["format"]?.stringValue, !format.isEmpty else {
            throw ConversionError.invalid(param + ".format", "the \(kind) part needs a format (e.g. wav or mp3).")
        }
        let mimeType = kind == "audio" ? MediaTypes.audioType(forFormat: format)
            : (format.contains("/") ? format.lowercased() : "\(kind)/\(format.lowercased())")
        return Self.inlineData(mimeType: mimeType, base64: data.filter { !$0.isWhitespace })
    }

    /// OpenAI `file` parts: `file_data` (a data: URL, or raw base64 with `filename`/`format`),
    /// or `file_id` naming a Gemini file (`files/abc` or its full URI).
    private func file(_ object: JSONValue?, param: String) throws(ConversionError) -> JSONValue {
        let format = object?["format"]?.stringValue
        let filename = object?["filename"]?.stringValue
        if let data = object?["file_data"]?.stringValue, !data.isEmpty {
            let lowered = data.lowercased()
            if lowered.hasPrefix("data:") || lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
                || lowered.hasPrefix("gs://")
            {
                return try media(for: data, param: param + ".file_data")
            }
            guard let mimeType = format.map(MediaTypes.normalize) ?? filename.flatMap(MediaTypes.guess(fromPath:)) else {
                throw ConversionError.invalid(
                    param + ".file_data", "raw base64 file data needs a 'format' (media type) or a 'filename' with an extension.")
            }
            return Self.inlineData(mimeType: mimeType, base64: data.filter { !$0.isWhitespace })
        }
        if let id = object?["file_id"]?.stringValue, !id.isEmpty {
            let uri: String
            if id.hasPrefix("files/") {
                uri = "https://generativelanguage.googleapis.com/v1beta/" + id
            } else if id.hasPrefix("https://generativelanguage.googleapis.com/") || id.hasPrefix("gs://") {
                uri = id
            } else {
                throw ConversionError(
                    .unsupported,
                    "\(param).file_id: '\(id)' is not a Gemini file; upload it with the Gemini Files API and pass its name (files/…).",
                    param: param + ".file_id")
            }
            return Self.fileData(uri: uri, mimeType: format.map(MediaTypes.normalize) ?? filename.flatMap(MediaTypes.guess(fromPath:)))
        }
        throw ConversionError.invalid(param, "the file part needs file_data or file_id.")
    }

    static func inlineData(mimeType: String, base64: String) -> JSONValue {
        ["inlineData": ["mimeType": .string(mimeType), "data": .string(base64)]]
    }

    static func fileData(uri: String, mimeType: String?) -> JSONValue {
        var file: [String: JSONValue] = ["fileUri": .string(uri)]
        if let mimeType { file["mimeType"] = .string(mimeType) }
        return ["fileData": .object(file)]
    }

    /// Every `http(s)` URL in the messages that must be fetched, with the param path of its first
    /// use (for error messages). Walked before conversion so fetches run concurrently.
    static func urlsToFetch(in messages: [JSONValue]) -> [(url: String, param: String)] {
        var found: [(String, String)] = []
        var seen: Set<String> = []
        for (messageIndex, message) in messages.enumerated() {
            // System content is text only; its media is never sent, so never fetched.
            let role = message["role"]?.stringValue?.lowercased()
            guard role != "system", role != "developer", let items = message["content"]?.arrayValue else { continue }
            for (index, item) in items.enumerated() {
                let candidates: [(String?, String)] = [
                    (item["image_url"]?.stringValue ?? item.value(at: "image_url", "url")?.stringValue, "image_url.url"),
                    (item.value(at: "video_url", "url")?.stringValue ?? item["video_url"]?.stringValue, "video_url.url"),
                    (item.value(at: "file", "file_data")?.stringValue, "file.file_data"),
                ]
                for case (let url?, let field) in candidates {
                    let trimmed = url.trimmingSpaces
                    guard case .fetch? = try? MediaReference.classify(trimmed, param: ""), seen.insert(trimmed).inserted
                    else { continue }
                    found.append((trimmed, "messages[\(messageIndex)].content[\(index)].\(field)"))
                }
            }
        }
        return found
    }
}
