import Foundation
import Hummingbird

/// A page's query parameters: read with defaults and bounds, and written back into links
/// (pagination, sorting, filters) with every value percent-encoded.
struct PageQuery: Sendable {
    private(set) var values: [(String, String)]

    init(_ request: Request) {
        values = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
            .filter { $0.0 != "lang" }
            .sorted { $0.0 < $1.0 }
    }

    init(_ values: [(String, String)] = []) {
        self.values = values
    }

    subscript(name: String) -> String? {
        values.first { $0.0 == name }.map { $0.1.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    func integer(_ name: String) -> Int? {
        self[name].flatMap { Int($0) }
    }

    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) -> Int {
        min(max(integer(name) ?? fallback, range.lowerBound), range.upperBound)
    }

    /// A copy with `name` set (or removed, for nil).
    func setting(_ name: String, _ value: String?) -> PageQuery {
        var copy = self
        copy.values.removeAll { $0.0 == name }
        if let value { copy.values.append((name, value)) }
        copy.values.sort { $0.0 < $1.0 }
        return copy
    }

    /// `path?a=1&b=x%20y`.
    func url(_ path: String) -> String {
        guard !values.isEmpty else { return path }
        return path + "?" + values.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
