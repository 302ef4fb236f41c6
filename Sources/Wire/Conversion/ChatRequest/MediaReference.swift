import Foundation

/// Where the bytes of a client media part come from, decided from its URL alone.
enum MediaReference: Equatable {
    /// Bytes inside the request (a `data:` URL or raw base64): `inlineData`.
    case inline(mimeType: String, base64: String)
    /// A reference Gemini resolves itself (its Files API, YouTube, `gs://`): `fileData`.
    case file(uri: String, mimeType: String?)
    /// An `http(s)` URL the gateway must fetch and inline.
    case fetch(URL)

    /// Reads an `image_url.url` (or similar) value.
    static func classify(_ text: String, param: String) throws(ConversionError) -> MediaReference {
        let url = text.trimmingSpaces
        let lowered = url.lowercased()
        if lowered.hasPrefix("data:") {
            return try parseDataURL(url, param: param)
        }
        if lowered.hasPrefix("gs://") {
            return .file(uri: url, mimeType: MediaTypes.guess(fromPath: url))
        }
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), let parsed = URL(string: url),
            let host = parsed.host?.lowercased()
        else {
            throw ConversionError(
                .mediaUnavailable,
                "\(param): '\(url.prefix(80))' is neither a data: URL nor an http(s) URL.", param: param)
        }
        if host == "generativelanguage.googleapis.com", parsed.path.contains("/files/") {
            return .file(uri: url, mimeType: nil)
        }
        if isYouTube(host: host) {
            return .file(uri: url, mimeType: nil)
        }
        return .fetch(parsed)
    }

    static func isYouTube(host: String) -> Bool {
        ["youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com", "youtu.be", "www.youtu.be"]
            .contains(host)
    }

    /// `data:<type>[;param]*[;base64],<data>`. Percent-encoded (non-base64) data is re-encoded as
    /// base64, since `inlineData` carries base64 only.
    static func parseDataURL(_ url: String, param: String) throws(ConversionError) -> MediaReference {
        guard let comma = url.firstIndex(of: ",") else {
            throw ConversionError(.invalidRequest, "\(param): the data: URL has no ',' before its data.", param: param)
        }
        let header = url[url.index(url.startIndex, offsetBy: 5)..<comma]
        let payload = url[url.index(after: comma)...]
        let attributes = header.split(separator: ";", omittingEmptySubsequences: false).map {
            String($0).trimmingSpaces
        }
        let mimeType = MediaTypes.normalize(attributes.first ?? "")
        guard !mimeType.isEmpty else {
            throw ConversionError(
                .invalidRequest, "\(param): the data: URL does not say its media type (data:image/png;base64,…).",
                param: param)
        }
        if attributes.dropFirst().contains(where: { $0.lowercased() == "base64" }) {
            let base64 = String(payload.filter { !$0.isWhitespace })
            guard !base64.isEmpty else {
                throw ConversionError(.invalidRequest, "\(param): the data: URL is empty.", param: param)
            }
            return .inline(mimeType: mimeType, base64: base64)
        }
        let decoded = String(payload).removingPercentEncoding ?? String(payload)
        return .inline(mimeType: mimeType, base64: Data(decoded.utf8).base64EncodedString())
    }
}

/// Media type names and guesses.
enum MediaTypes {
    /// Lower-cased, with the common misspelling `image/jpg` corrected (Gemini refuses it).
    static func normalize(_ mimeType: String) -> String {
        let lowered = mimeType.trimmingSpaces.lowercased()
        return lowered == "image/jpg" ? "image/jpeg" : lowered
    }

    static func guess(fromPath path: String) -> String? {
        let withoutQuery = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        guard let dot = withoutQuery.lastIndex(of: "."), !withoutQuery[dot...].contains("/") else { return nil }
        return byExtension[withoutQuery[withoutQuery.index(after: dot)...].lowercased()]
    }

    /// A format name as OpenAI uses it (`mp3`, `wav`) or an extension, to a media type.
    static func audioType(forFormat format: String) -> String {
        let lowered = format.lowercased()
        if lowered.contains("/") { return lowered }
        if let known = byExtension[lowered], known.hasPrefix("audio/") { return known }
        return "audio/" + lowered
    }

    static let byExtension: [String: String] = [
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp", "gif": "image/gif",
        "heic": "image/heic", "heif": "image/heif", "bmp": "image/bmp",
        "pdf": "application/pdf", "txt": "text/plain", "md": "text/markdown", "html": "text/html",
        "htm": "text/html", "csv": "text/csv", "xml": "text/xml", "json": "application/json", "rtf": "text/rtf",
        "js": "text/javascript", "py": "text/x-python", "css": "text/css",
        "mp3": "audio/mp3", "mpeg": "audio/mpeg", "wav": "audio/wav", "ogg": "audio/ogg", "flac": "audio/flac",
        "aac": "audio/aac", "aiff": "audio/aiff", "m4a": "audio/m4a", "opus": "audio/ogg",
        "mp4": "video/mp4", "mov": "video/mov", "webm": "video/webm", "avi": "video/avi", "mpg": "video/mpg",
        "wmv": "video/wmv", "flv": "video/x-flv", "3gp": "video/3gpp",
    ]
}
