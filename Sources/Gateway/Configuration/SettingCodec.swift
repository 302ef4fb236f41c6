import Wire
import Foundation

/// Reads and writes setting values as text, the way gemini-balance does in `t_settings` and in
/// the environment: lists and objects as JSON (a comma-separated list is also read), booleans as
/// `true`/`false`, numbers as decimal text, nothing as the empty string.
public enum SettingCodec {
    /// Why a text could not be read as a setting's value.
    public struct ParseProblem: Error, Sendable, Equatable {
        public let message: LocalizedText
    }

    /// Parses text into a value of the definition's kind. Empty strings inside lists are dropped,
    /// so the placeholder `[""]` reads as an empty list.
    public static func decode(_ text: String, as definition: SettingDefinition) throws(ParseProblem) -> SettingValue {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch definition.kind {
        case .text, .choice:
            return .text(text.trimmingCharacters(in: .whitespacesAndNewlines))
        case .integer:
            if trimmed.isEmpty { return definition.defaultValue }
            if let value = Int(trimmed) { return .integer(value) }
            if let value = Double(trimmed), value.rounded() == value, abs(value) < 1e15 { return .integer(Int(value)) }
            throw ParseProblem(message: LocalizedText(
                en: "\(definition.name) must be a whole number, not “\(trimmed)”.",
                zh: "\(definition.name) 必须是整数，而不是“\(trimmed)”。"))
        case .number:
            if trimmed.isEmpty { return definition.defaultValue }
            if let value = Double(trimmed), value.isFinite { return .number(value) }
            throw ParseProblem(message: LocalizedText(
                en: "\(definition.name) must be a number, not “\(trimmed)”.",
                zh: "\(definition.name) 必须是数字，而不是“\(trimmed)”。"))
        case .boolean:
            switch trimmed.lowercased() {
            case "true", "1", "yes", "on": return .boolean(true)
            case "false", "0", "no", "off": return .boolean(false)
            case "": return definition.defaultValue
            default:
                throw ParseProblem(message: LocalizedText(
                    en: "\(definition.name) must be true or false, not “\(trimmed)”.",
                    zh: "\(definition.name) 必须是 true 或 false，而不是“\(trimmed)”。"))
            }
        case .list:
            return .list(try decodeList(trimmed, name: definition.name))
        case .map:
            return .map(try decodeObject(trimmed, name: definition.name).compactMapValues(\.scalarText))
        case .numberMap:
            let object = try decodeObject(trimmed, name: definition.name)
            var result: [String: Double] = [:]
            for (key, value) in object {
                guard let number = value.doubleValue else {
                    throw ParseProblem(message: LocalizedText(
                        en: "\(definition.name): the value for “\(key)” must be a number.",
                        zh: "\(definition.name)：“\(key)” 的值必须是数字。"))
                }
                result[key] = number
            }
            return .numberMap(result)
        case .json:
            if trimmed.isEmpty { return definition.defaultValue }
            guard let value = JSONValue(parsing: trimmed) ?? JSONValue(parsing: trimmed.replacingOccurrences(of: "'", with: "\"")) else {
                throw ParseProblem(message: LocalizedText(
                    en: "\(definition.name) must be JSON.", zh: "\(definition.name) 必须是 JSON。"))
            }
            return .json(value)
        }
    }

    /// Writes a value as gemini-balance writes it, so that both programs read each other's rows.
    public static func encode(_ value: SettingValue) -> String {
        switch value {
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .number(let number): return pythonFloatText(number)
        case .boolean(let flag): return flag ? "true" : "false"
        case .list(let items): return pythonJSON(.array(items.map(JSONValue.string)))
        case .map(let object): return pythonJSON(.object(object.mapValues(JSONValue.string)))
        case .numberMap(let object): return pythonJSON(.object(object.mapValues { JSONValue.double($0) }))
        case .json(let json): return pythonJSON(json)
        }
    }

    // MARK: Parsing helpers

    private static func decodeList(_ text: String, name: String) throws(ParseProblem) -> [String] {
        if text.isEmpty { return [] }
        if text.hasPrefix("[") {
            guard let items = JSONValue(parsing: text)?.arrayValue ?? JSONValue(parsing: text.replacingOccurrences(of: "'", with: "\""))?.arrayValue else {
                throw ParseProblem(message: LocalizedText(
                    en: "\(name) must be a JSON list such as [\"a\",\"b\"].",
                    zh: "\(name) 必须是 JSON 列表，例如 [\"a\",\"b\"]。"))
            }
            return items.compactMap(\.scalarText).map(trim).filter { !$0.isEmpty }
        }
        // gemini-balance falls back to a comma-separated list; so do we.
        return text.split(separator: ",").map { trim(String($0)) }.filter { !$0.isEmpty }
    }

    private static func decodeObject(_ text: String, name: String) throws(ParseProblem) -> [String: JSONValue] {
        if text.isEmpty { return [:] }
        guard let object = JSONValue(parsing: text)?.objectValue
            ?? JSONValue(parsing: text.replacingOccurrences(of: "'", with: "\""))?.objectValue
        else {
            throw ParseProblem(message: LocalizedText(
                en: "\(name) must be a JSON object such as {\"name\": \"value\"}.",
                zh: "\(name) 必须是 JSON 对象，例如 {\"name\": \"value\"}。"))
        }
        return object
    }

    private static func trim(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'")))
    }

    // MARK: Writing helpers

    /// Python's `str(float)`: `1000.0`, `0.016`.
    static func pythonFloatText(_ number: Double) -> String {
        if number.rounded() == number && abs(number) < 1e16 {
            return String(format: "%.1f", number)
        }
        return "\(number)"
    }

    /// `json.dumps(value, ensure_ascii=False)`: `", "` and `": "` separators, UTF-8 kept as is.
    static func pythonJSON(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return pythonFloatText(number)
        case .string(let text): return quoted(text)
        case .array(let items): return "[" + items.map(pythonJSON).joined(separator: ", ") + "]"
        case .object(let object):
            let members = object.keys.sorted().map { quoted($0) + ": " + pythonJSON(object[$0]!) }
            return "{" + members.joined(separator: ", ") + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let c where c.value < 0x20: result += String(format: "\\u%04x", c.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
