/// The three JSON spellings the fake must reproduce byte for byte.
enum JSONStyle: Sendable {
    /// Google's default (`prettyPrint=true`): 2-space indent, `"key": value`, one item per line.
    case pretty
    /// Google's one-line form inside SSE `data:` frames: a space after `:`, none after `,`.
    case googleCompact
    /// Plain compact JSON, as OpenAI-style answers use.
    case compact
}

extension OrderedJSON {
    /// The document as UTF-8 bytes in the given style (no trailing newline).
    func rendered(_ style: JSONStyle) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(512)
        var renderer = JSONRenderer(style: style, output: output)
        renderer.write(self, indent: 0)
        return renderer.output
    }

    func renderedText(_ style: JSONStyle) -> String {
        String(decoding: rendered(style), as: UTF8.self)
    }
}

/// Writes `OrderedJSON` into a byte array; one pass, no intermediate strings.
struct JSONRenderer {
    let style: JSONStyle
    var output: [UInt8]

    private var escapesHTML: Bool { style != .compact }

    mutating func write(_ value: OrderedJSON, indent: Int) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .int(let number): appendInteger(number)
        case .double(let number): appendDouble(number)
        case .string(let text): appendString(text)
        case .array(let items): writeArray(items, indent: indent)
        case .object(let fields): writeObject(fields, indent: indent)
        }
    }

    private mutating func writeArray(_ items: [OrderedJSON], indent: Int) {
        guard !items.isEmpty else { return append("[]") }
        output.append(UInt8(ascii: "["))
        for (position, item) in items.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            newline(indent: indent + 1)
            write(item, indent: indent + 1)
        }
        newline(indent: indent)
        output.append(UInt8(ascii: "]"))
    }

    private mutating func writeObject(_ fields: [(key: String, value: OrderedJSON)], indent: Int) {
        guard !fields.isEmpty else { return append("{}") }
        output.append(UInt8(ascii: "{"))
        for (position, field) in fields.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            newline(indent: indent + 1)
            appendString(field.key)
            output.append(UInt8(ascii: ":"))
            if style != .compact { output.append(UInt8(ascii: " ")) }
            write(field.value, indent: indent + 1)
        }
        newline(indent: indent)
        output.append(UInt8(ascii: "}"))
    }

    private mutating func newline(indent: Int) {
        guard style == .pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private mutating func append(_ text: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func appendInteger(_ number: Int) {
        output.append(contentsOf: String(number).utf8)
    }

    private mutating func appendDouble(_ number: Double) {
        guard number.isFinite else { return append("null") }
        // Proto3 JSON prints whole doubles without a fraction (`"temperature": 1`).
        if number == number.rounded(), abs(number) < 1e15 {
            appendInteger(Int(number))
        } else {
            output.append(contentsOf: number.description.utf8)
        }
    }

    private mutating func appendString(_ text: String) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0..<0x20: appendUnicodeEscape(byte)
            // Google escapes HTML-sensitive characters (`<` → `\u003c`); OpenAI-style JSON does not.
            case UInt8(ascii: "<") where escapesHTML: append("\\u003c")
            case UInt8(ascii: ">") where escapesHTML: append("\\u003e")
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private mutating func appendUnicodeEscape(_ byte: UInt8) {
        append("\\u00")
        output.append(hexDigit(byte >> 4))
        output.append(hexDigit(byte & 0x0F))
    }

    private func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
