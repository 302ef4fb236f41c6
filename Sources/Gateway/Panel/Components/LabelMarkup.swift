/// A setting's label, with the values it quotes (model-name suffixes such as `-search`, URL
/// schemes such as `socks5://`) marked as code that is not to be translated: they are what the
/// admin types, in any language.
enum LabelMarkup {
    static func render(_ text: String) -> Markup {
        var pieces: [Markup] = []
        var plain = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if let value = valuePart(word) {
                pieces.append("\(plain)\(String(value.before))<code translate=\"no\">\(String(value.value))</code>\(String(value.after))")
                plain = " "
            } else {
                plain += word + " "
            }
        }
        plain.removeLast()
        pieces.append("\(plain)")
        return pieces.joined()
    }

    /// `-search` → the whole word; `（http://` → `http://` after its bracket.
    static func valuePart(_ word: Substring) -> (before: Substring, value: Substring, after: Substring)? {
        if word.hasPrefix("-"), word.dropFirst().first?.isLetter == true {
            let end = word.firstIndex { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) } ?? word.endIndex
            return (word[word.startIndex..<word.startIndex], word[..<end], word[end...])
        }
        if let scheme = word.range(of: "://") {
            let start = word[..<scheme.lowerBound].lastIndex { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
                .map { word.index(after: $0) } ?? word.startIndex
            return (word[..<start], word[start..<scheme.upperBound], word[scheme.upperBound...])
        }
        return nil
    }
}
