import Wire
import Foundation

/// One setting's value, in the types gemini-balance's settings use.
public enum SettingValue: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    /// A list of strings (`API_KEYS`, `ALLOWED_TOKENS`, model lists).
    case list([String])
    /// A string → string object (`CUSTOM_HEADERS`).
    case map([String: String])
    /// A string → number object (`THINKING_BUDGET_MAP`, `KEY_WEIGHTS`).
    case numberMap([String: Double])
    /// Any JSON (`SAFETY_SETTINGS`, a list of objects).
    case json(JSONValue)
}

extension SettingValue {
    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    public var integer: Int? {
        switch self {
        case .integer(let value): return value
        // `Int(exactly:)`: a whole number too big for Int (1e20) is no integer, not a trap.
        case .number(let value): return Int(exactly: value)
        default: return nil
        }
    }

    public var number: Double? {
        switch self {
        case .number(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    public var boolean: Bool? {
        if case .boolean(let value) = self { return value }
        return nil
    }

    public var list: [String]? {
        if case .list(let value) = self { return value }
        return nil
    }

    public var map: [String: String]? {
        if case .map(let value) = self { return value }
        return nil
    }

    public var numberMap: [String: Double]? {
        if case .numberMap(let value) = self { return value }
        return nil
    }

    public var json: JSONValue? {
        if case .json(let value) = self { return value }
        return nil
    }
}
