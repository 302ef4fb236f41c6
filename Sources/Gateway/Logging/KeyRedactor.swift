/// Masks anything that looks like a Google API key (`AIza` + 35 characters) in free text:
/// upstream messages, error bodies, log lines.
public enum KeyRedactor {
    public static func redact(_ text: String) -> String {
        guard text.contains("AIza") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "AIza") {
            result += rest[..<start.lowerBound]
            let candidate = rest[start.lowerBound...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
            if candidate.count >= 20 {
                result += Secret.mask(String(candidate))
            } else {
                result += candidate
            }
            rest = rest[candidate.endIndex...]
        }
        return result + rest
    }
}
