/// Which answers count as media Gemini can take: images, audio, video and PDF. Anything else (an
/// HTML error page, JSON, a script) is refused rather than sent upstream as an "image".
enum MediaTypePolicy {
    /// Types that say nothing about the content; the URL's extension decides instead.
    static let generic: Set<String> = ["", "application/octet-stream", "binary/octet-stream", "application/unknown"]

    static let extensions: [String: String] = [
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp", "gif": "image/gif",
        "heic": "image/heic", "heif": "image/heif", "bmp": "image/bmp", "pdf": "application/pdf",
        "mp3": "audio/mp3", "wav": "audio/wav", "ogg": "audio/ogg", "flac": "audio/flac", "aac": "audio/aac",
        "m4a": "audio/m4a", "mp4": "video/mp4", "mov": "video/mov", "webm": "video/webm",
    ]

    static func isAllowed(_ mediaType: String) -> Bool {
        mediaType.hasPrefix("image/") || mediaType.hasPrefix("audio/") || mediaType.hasPrefix("video/")
            || mediaType == "application/pdf"
    }

    /// The media type to send upstream for an answer, or nil when it is not media.
    /// - Parameters:
    ///   - contentType: the answer's `Content-Type` header.
    ///   - path: the URL path, for a guess when the header is missing or generic.
    static func mediaType(contentType: String?, path: String) -> String? {
        let declared = (contentType ?? "").split(separator: ";", maxSplits: 1).first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if generic.contains(declared) {
            guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
            return extensions[path[path.index(after: dot)...].lowercased()]
        }
        let normalized = declared == "image/jpg" ? "image/jpeg" : declared
        return isAllowed(normalized) ? normalized : nil
    }
}
