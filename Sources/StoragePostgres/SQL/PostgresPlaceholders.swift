/// Rewrites the shared layer's `?` placeholders into PostgreSQL's numbered `$1, $2, …`.
///
/// The shared SQL is written once with `?` for all three databases. A `?` is a placeholder only
/// where PostgreSQL would read it as an operator token; it is left alone inside
/// - single-quoted strings (`'it''s?'`, and `E'\'?'` where a backslash escapes),
/// - double-quoted identifiers (`"what?"`),
/// - dollar-quoted strings (`$$?$$`, `$fn$?$fn$`),
/// - comments (`-- ?` to the end of the line, `/* ? */`, which nest in PostgreSQL).
///
/// There is no escape for a literal `?` operator (PostgreSQL's jsonb `?`, `?|`, `?&`): the shared
/// layer must use the function forms (`jsonb_exists`, `jsonb_exists_any`, `jsonb_exists_all`).
/// The scan works on UTF-8 bytes: every delimiter is ASCII, and UTF-8 never uses an ASCII byte
/// inside a multi-byte character, so Chinese or emoji text passes through untouched.
public enum PostgresPlaceholders {
    /// The rewritten SQL and how many placeholders it had.
    public static func rewrite(_ sql: String) -> (sql: String, count: Int) {
        let input = Array(sql.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count + 16)
        var count = 0
        var index = 0

        while index < input.count {
            let byte = input[index]
            switch byte {
            case .questionMark:
                count += 1
                output.append(.dollar)
                output.append(contentsOf: String(count).utf8)
                index += 1
            case .singleQuote:
                let backslashEscapes = isEscapeStringPrefix(input, quoteAt: index)
                let end = endOfQuoted(input, from: index, quote: .singleQuote, backslashEscapes: backslashEscapes)
                output.append(contentsOf: input[index..<end])
                index = end
            case .doubleQuote:
                let end = endOfQuoted(input, from: index, quote: .doubleQuote, backslashEscapes: false)
                output.append(contentsOf: input[index..<end])
                index = end
            case .dash where next(input, index) == .dash:
                let end = endOfLineComment(input, from: index)
                output.append(contentsOf: input[index..<end])
                index = end
            case .slash where next(input, index) == .star:
                let end = endOfBlockComment(input, from: index)
                output.append(contentsOf: input[index..<end])
                index = end
            case .dollar:
                if let end = endOfDollarQuoted(input, from: index) {
                    output.append(contentsOf: input[index..<end])
                    index = end
                } else {
                    output.append(byte)
                    index += 1
                }
            default:
                output.append(byte)
                index += 1
            }
        }
        return (String(decoding: output, as: UTF8.self), count)
    }

    private static func next(_ input: [UInt8], _ index: Int) -> UInt8? {
        index + 1 < input.count ? input[index + 1] : nil
    }

    /// `E'…'` (or `e'…'`) makes backslash an escape character; `WHERE'x'` or `name'…'` do not.
    private static func isEscapeStringPrefix(_ input: [UInt8], quoteAt index: Int) -> Bool {
        guard index >= 1, input[index - 1] == UInt8(ascii: "E") || input[index - 1] == UInt8(ascii: "e") else {
            return false
        }
        return index < 2 || !isIdentifierByte(input[index - 2])
    }

    /// The index just past the closing quote; a doubled quote stands for itself. An unterminated
    /// literal runs to the end (the server will report the syntax error).
    private static func endOfQuoted(_ input: [UInt8], from start: Int, quote: UInt8, backslashEscapes: Bool) -> Int {
        var index = start + 1
        while index < input.count {
            let byte = input[index]
            if backslashEscapes && byte == .backslash {
                index += 2
            } else if byte == quote {
                if next(input, index) == quote {
                    index += 2
                } else {
                    return index + 1
                }
            } else {
                index += 1
            }
        }
        return input.count
    }

    private static func endOfLineComment(_ input: [UInt8], from start: Int) -> Int {
        var index = start + 2
        while index < input.count, input[index] != .newline {
            index += 1
        }
        return index
    }

    /// PostgreSQL block comments nest: `/* a /* b */ still comment */`.
    private static func endOfBlockComment(_ input: [UInt8], from start: Int) -> Int {
        var depth = 1
        var index = start + 2
        while index < input.count, depth > 0 {
            if input[index] == .slash, next(input, index) == .star {
                depth += 1
                index += 2
            } else if input[index] == .star, next(input, index) == .slash {
                depth -= 1
                index += 2
            } else {
                index += 1
            }
        }
        return index
    }

    /// A dollar quote opens with `$tag$` (the tag may be empty, must not start with a digit, and
    /// the `$` must not continue an identifier such as `a$b`) and closes with the same `$tag$`.
    /// Returns nil when the `$` does not open one.
    private static func endOfDollarQuoted(_ input: [UInt8], from start: Int) -> Int? {
        if start > 0, isIdentifierByte(input[start - 1]) {
            return nil
        }
        var index = start + 1
        while index < input.count, input[index] != .dollar {
            let byte = input[index]
            let allowed = isIdentifierByte(byte) && !(index == start + 1 && isDigit(byte))
            guard allowed else { return nil }
            index += 1
        }
        guard index < input.count else { return nil }
        let delimiter = Array(input[start...index])
        var search = index + 1
        while search + delimiter.count <= input.count {
            if input[search] == .dollar, Array(input[search..<(search + delimiter.count)]) == delimiter {
                return search + delimiter.count
            }
            search += 1
        }
        return input.count
    }

    /// Letters, digits, `_`, `$` and any non-ASCII byte (PostgreSQL allows non-ASCII letters).
    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || byte == .dollar || isDigit(byte)
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}

extension UInt8 {
    fileprivate static let questionMark = UInt8(ascii: "?")
    fileprivate static let singleQuote = UInt8(ascii: "'")
    fileprivate static let doubleQuote = UInt8(ascii: "\"")
    fileprivate static let dash = UInt8(ascii: "-")
    fileprivate static let slash = UInt8(ascii: "/")
    fileprivate static let star = UInt8(ascii: "*")
    fileprivate static let dollar = UInt8(ascii: "$")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let newline = UInt8(ascii: "\n")
}
