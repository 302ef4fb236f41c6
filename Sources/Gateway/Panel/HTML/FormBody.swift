import Foundation

/// Fields of an `application/x-www-form-urlencoded` body (the login and logout forms) or of a
/// query string (a batch action's key filter).
enum FormBody {
    static func fields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for (name, value) in pairs(text) where fields[name] == nil { fields[name] = value }
        return fields
    }

    /// The `name=value` pairs in order, decoded. A pair without `=` has an empty value, and one
    /// without a name (`=x`, or a lone `=`) has an empty name, so no text can fail to parse.
    static func pairs(_ text: String) -> [(String, String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    private static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
