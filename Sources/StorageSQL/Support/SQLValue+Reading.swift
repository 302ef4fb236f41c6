import Foundation

/// Lenient readers for values coming back from any of the three drivers.
///
/// Drivers differ in small ways (a MySQL JSON column may arrive as bytes, SQLite's NUMERIC
/// affinity turns the text `"3"` in a `JSON` column into an integer), and an old
/// gemini-balance database may hold anything its columns allow. These readers accept every
/// sensible representation instead of failing a whole page of logs over one odd cell.
extension SQLValue {
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    var int64: Int64? {
        switch self {
        case .int(let value): return value
        case .double(let value): return value.isFinite ? Int64(exactly: value.rounded(.towardZero)) : nil
        case .text(let text): return Int64(text.trimmingCharacters(in: .whitespaces))
        case .blob(let bytes): return Int64(String(decoding: bytes, as: UTF8.self))
        case .null: return nil
        }
    }

    var int: Int? {
        int64.flatMap { Int(exactly: $0) }
    }

    var string: String? {
        switch self {
        case .text(let text): return text
        case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .null: return nil
        }
    }

    /// 0/1 as gemini-balance writes `is_success`; also `true`/`false` text.
    var bool: Bool? {
        switch self {
        case .text(let text):
            switch text.lowercased() {
            case "1", "true", "t", "yes": return true
            case "0", "false", "f", "no": return false
            default: return nil
            }
        default:
            return int64.map { $0 != 0 }
        }
    }

    init(_ text: String?) {
        self = text.map { .text($0) } ?? .null
    }

    init(_ number: Int?) {
        self = number.map { .int(Int64($0)) } ?? .null
    }
}
