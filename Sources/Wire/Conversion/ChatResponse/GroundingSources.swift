import Foundation

/// The Google Search sources of a grounded answer, as a short markdown list appended to it
/// (`SHOW_SEARCH_LINK`).
enum GroundingSources {
    /// nil when the metadata names no web source.
    static func markdown(from metadata: JSONValue?) -> String? {
        guard let chunks = metadata?["groundingChunks"]?.arrayValue else { return nil }
        var lines: [String] = []
        var seen: Set<String> = []
        for chunk in chunks {
            guard let web = chunk["web"], let uri = web["uri"]?.stringValue, !uri.isEmpty, seen.insert(uri).inserted
            else { continue }
            let title = web["title"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? uri
            let escaped = title.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
            lines.append("\(lines.count + 1). [\(escaped)](\(uri))")
        }
        guard !lines.isEmpty else { return nil }
        return "\n\n**Sources**\n" + lines.joined(separator: "\n")
    }
}
