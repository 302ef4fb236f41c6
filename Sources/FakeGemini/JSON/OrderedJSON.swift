import Wire

/// A JSON document to send, with object keys kept in the order they are written.
///
/// Google's answers have a fixed key order (`candidates`, `usageMetadata`, `modelVersion`,
/// `responseId`); tests and humans compare against it, and `JSONValue`'s dictionary would lose it.
/// Literals keep the order too: `["code": 400, "message": "…"]` renders in that order.
enum OrderedJSON: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([OrderedJSON])
    case object([(key: String, value: OrderedJSON)])

    /// An empty object, `{}`.
    static let emptyObject = OrderedJSON.object([])

    /// A request value re-emitted; object keys sorted, as Google sorts `Struct` maps (function args).
    init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(Int(number))
        case .double(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(OrderedJSON.init))
        case .object(let fields):
            self = .object(fields.keys.sorted().map { (key: $0, value: OrderedJSON(fields[$0]!)) })
        }
    }

    /// Adds a field to an object (no-op on other cases); for optional fields built step by step.
    mutating func append(_ key: String, _ value: OrderedJSON) {
        guard case .object(var fields) = self else { return }
        fields.append((key: key, value: value))
        self = .object(fields)
    }
}

extension OrderedJSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(floatLiteral value: Double) { self = .double(value) }
    init(arrayLiteral elements: OrderedJSON...) { self = .array(elements) }
    init(nilLiteral: ()) { self = .null }
    init(dictionaryLiteral elements: (String, OrderedJSON)...) {
        self = .object(elements.map { (key: $0.0, value: $0.1) })
    }
}
