import Foundation

/// Read-only navigation through parsed JSON for assertions: `json["error"]["code"].int`.
/// Missing members give an empty `JSON`, so a failed lookup fails the assertion, not the test run.
struct JSON {
    let value: Any?

    init(_ value: Any?) {
        self.value = value
    }

    init(parsing text: String) {
        value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    subscript(key: String) -> JSON {
        JSON((value as? [String: Any])?[key])
    }

    subscript(index: Int) -> JSON {
        guard let array = value as? [Any], array.indices.contains(index) else { return JSON(nil) }
        return JSON(array[index])
    }

    var string: String? { value as? String }
    var int: Int? { (value as? NSNumber)?.intValue }
    var double: Double? { (value as? NSNumber)?.doubleValue }
    var bool: Bool? { value as? Bool }
    var array: [JSON] { (value as? [Any])?.map(JSON.init) ?? [] }
    var keys: [String] { (value as? [String: Any]).map { Array($0.keys) } ?? [] }
    var exists: Bool { value != nil && !(value is NSNull) }
    var isNull: Bool { value is NSNull }
}
