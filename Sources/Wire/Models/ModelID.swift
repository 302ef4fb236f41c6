/// Checks a model id before it goes into an upstream URL path (`models/{id}:{method}`).
///
/// The id is put in the path as it is, so anything but a plain name would change the call:
/// `gemini-2.5-pro:generateContent?` slips past `FILTERED_MODELS` (which compares names), and
/// `gemini-2.5-flash:countTokens?x=` or `../` reach another method or resource. Google's model
/// ids are letters, digits, `.`, `_` and `-` (`gemini-2.5-flash-preview-05-20`,
/// `imagen-4.0-generate-001`, `gemini-embedding-001`), so only those are accepted, after an
/// optional `models/` prefix.
///
/// Tuned models (`tunedModels/x`) live under another path (`tunedModels/x:generateContent`), not
/// `models/…`, and Gemgate routes no such calls; they are refused with a message saying so.
public enum ModelID {
    /// Longer than any Google model id; keeps a hostile id out of logs and messages.
    static let maximumLength = 128

    /// The id without `models/`, or an error naming `param`.
    public static func validated(_ raw: String, param: String = "model") throws(ConversionError) -> String {
        let name = ModelVariant.strippingPrefix(raw.trimmingSpaces)
        guard !name.isEmpty else {
            throw ConversionError.invalid(param, "a model id is required.")
        }
        if name.hasPrefix("tunedModels/") {
            throw ConversionError(
                .unsupported, "\(param): tuned models (tunedModels/…) are not relayed by this gateway; use a base model id.",
                param: param)
        }
        guard isPlainName(name) else {
            throw ConversionError.invalid(
                param,
                "'\(shown(name))' is not a model id. Model ids are letters, digits, '.', '_' and '-', starting with a "
                    + "letter or digit (e.g. gemini-2.5-flash), optionally after models/.")
        }
        return name
    }

    /// `^[A-Za-z0-9][A-Za-z0-9._-]*$`, at most `maximumLength` characters.
    static func isPlainName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= maximumLength, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The id as quoted back to the client: short, whatever was sent.
    private static func shown(_ name: String) -> String {
        name.count > 80 ? String(name.prefix(77)) + "…" : name
    }
}
