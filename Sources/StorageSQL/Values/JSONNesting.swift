/// How deeply arrays and objects nest in a JSON text.
///
/// MariaDB's `JSON` column is LONGTEXT with `CHECK (json_valid(...))`, and its `json_valid` is
/// false for JSON nested 32 levels or more (measured on MariaDB 10.11: 31 passes, 32 fails;
/// MySQL 8's JSON type allows 100). Such a body is valid JSON everywhere else, so it must be
/// recognised before the insert, or its row fails the whole batch with error 4025.
enum JSONNesting {
    /// The deepest level MariaDB's `json_valid` accepts.
    static let maxDepthEveryDatabaseAccepts = 31

    /// The greatest number of open `[` and `{` at any point, for a text already known to be
    /// valid JSON (brackets inside strings do not count).
    static func depth(of json: String) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in json.utf8 {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
            default:
                break
            }
        }
        return deepest
    }
}
