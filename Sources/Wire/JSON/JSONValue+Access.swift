// Small read helpers used by the converters, so request parsing reads like the field list it
// implements instead of nested `if case` ladders.

extension JSONValue {
    /// True for `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// True for numbers, integer or not.
    public var isNumber: Bool {
        switch self {
        case .int, .double: return true
        default: return false
        }
    }

    /// The element at `index` of an array; nil for other values or out of range.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let array) = self, array.indices.contains(index) else { return nil }
        return array[index]
    }

    /// Follows a path of object keys; nil as soon as one is missing.
    public func value(at path: String...) -> JSONValue? {
        var current: JSONValue? = self
        for key in path { current = current?[key] }
        return current
    }

    /// The value for `key`, treating an explicit JSON `null` like an absent key (clients send
    /// `"tools": null` and mean "no tools").
    public func present(_ key: String) -> JSONValue? {
        guard let value = self[key], !value.isNull else { return nil }
        return value
    }

    /// A copy of an object without the given keys; other values are returned unchanged.
    public func removingKeys(_ keys: Set<String>) -> JSONValue {
        guard case .object(var object) = self else { return self }
        for key in keys { object.removeValue(forKey: key) }
        return .object(object)
    }

    /// A number as a JSON value that keeps integers integral: `2.0` from a client becomes `2`.
    static func number(_ value: Double) -> JSONValue {
        if value.rounded() == value, abs(value) < 9e15 { return .int(Int64(value)) }
        return .double(value)
    }
}
