/// HTML that is safe to send: written by Gemgate, with every value escaped.
///
/// Pages are built by string interpolation into `Markup`: the literal parts are Gemgate's own
/// markup and go out as written; an interpolated `String` (or number) is a value and passes
/// through `HTMLEscaping.escape` — the one escaping function of the panel; an interpolated
/// `Markup` is already safe and is inserted as it is. So a value cannot be inserted unescaped
/// by forgetting to escape it: that would take an explicit `Markup(trusted:)`.
struct Markup: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    private(set) var html: String

    /// Markup Gemgate wrote itself (never a value from a request, the database or settings).
    init(trusted html: String) {
        self.html = html
    }

    init(stringLiteral value: String) {
        html = value
    }

    init(stringInterpolation: Interpolation) {
        html = stringInterpolation.html
    }

    static let empty = Markup(trusted: "")

    var description: String { html }

    static func + (lhs: Markup, rhs: Markup) -> Markup {
        Markup(trusted: lhs.html + rhs.html)
    }

    static func += (lhs: inout Markup, rhs: Markup) {
        lhs.html += rhs.html
    }

    struct Interpolation: StringInterpolationProtocol {
        var html = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            html.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) {
            html += literal
        }

        /// A value: escaped.
        mutating func appendInterpolation(_ value: String) {
            html += HTMLEscaping.escape(value)
        }

        /// An optional value: escaped, nothing for nil.
        mutating func appendInterpolation(_ value: String?) {
            if let value { html += HTMLEscaping.escape(value) }
        }

        mutating func appendInterpolation(_ value: Int) {
            html += String(value)
        }

        mutating func appendInterpolation(_ value: Int64) {
            html += String(value)
        }

        /// Safe markup: inserted as it is.
        mutating func appendInterpolation(_ markup: Markup) {
            html += markup.html
        }

        mutating func appendInterpolation(_ markup: Markup?) {
            if let markup { html += markup.html }
        }

        /// Several pieces of safe markup, one after another.
        mutating func appendInterpolation(_ pieces: [Markup]) {
            for piece in pieces { html += piece.html }
        }
    }
}

extension Array where Element == Markup {
    func joined() -> Markup {
        Markup(trusted: map(\.html).joined())
    }
}
