import Foundation

/// Splits text around markdown images that carry their bytes in a `data:` URL.
///
/// The response converter renders generated images as `![image](data:…)`; when a client sends
/// that answer back in the history, the image goes upstream as an `inlineData` part again
/// (what image editing across turns needs) instead of as megabytes of base64 text.
enum MarkdownImages {
    enum Piece: Equatable {
        case text(String)
        case image(mimeType: String, base64: String)
    }

    static func split(_ text: String) -> [Piece] {
        guard text.contains("](data:") else { return [.text(text)] }
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let marker = rest.range(of: "](data:") {
            guard let open = rest[..<marker.lowerBound].range(of: "![", options: .backwards),
                !rest[open.upperBound..<marker.lowerBound].contains("\n"),
                !rest[open.upperBound..<marker.lowerBound].contains("]"),
                let close = rest[marker.upperBound...].firstIndex(of: ")")
            else {
                // Not an image: keep the text up to and including the marker and look further.
                pieces.append(.text(String(rest[..<marker.upperBound])))
                rest = rest[marker.upperBound...]
                continue
            }
            let url = String(rest[rest.index(marker.lowerBound, offsetBy: 2)..<close])
            guard case .inline(let mimeType, let base64)? = try? MediaReference.parseDataURL(url, param: "") else {
                pieces.append(.text(String(rest[...close])))
                rest = rest[rest.index(after: close)...]
                continue
            }
            pieces.append(.text(String(rest[..<open.lowerBound])))
            pieces.append(.image(mimeType: mimeType, base64: base64))
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(.text(String(rest)))
        // Merge neighbouring text and drop what is only whitespace.
        var merged: [Piece] = []
        for piece in pieces {
            if case .text(let next) = piece, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + next)
            } else {
                merged.append(piece)
            }
        }
        return merged.filter {
            if case .text(let value) = $0 { return !value.allSatisfy(\.isWhitespace) }
            return true
        }
    }
}
