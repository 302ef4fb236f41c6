import Foundation
import NIOCore
import NIOHTTP1

/// One call to Google, before a key is chosen: the same request may go out several times, each
/// time with another key.
public struct UpstreamRequest: Sendable {
    /// Which of Google's surfaces the path is relative to.
    public enum Surface: Sendable {
        /// `{BASE_URL}/…`, key in `x-goog-api-key`.
        case native
        /// `{BASE_URL}/openai/…`, key as `Authorization: Bearer`.
        case openAICompatible
    }

    public var method: HTTPMethod
    /// Relative to the surface, e.g. `models/gemini-2.5-flash:streamGenerateContent`.
    public var path: String
    /// Query parameters other than the key (which never travels in the URL).
    public var query: [(name: String, value: String)]
    public var body: ByteBuffer?
    public var surface: Surface

    public init(
        method: HTTPMethod, path: String, query: [(name: String, value: String)] = [], body: ByteBuffer? = nil,
        surface: Surface = .native
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.surface = surface
    }

    /// The full URL under `baseURL`, with the query percent-encoded.
    func url(baseURL: String) -> String {
        var url = baseURL + (surface == .openAICompatible ? "/openai/" : "/") + path
        if !query.isEmpty {
            url += "?" + query.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
        }
        return url
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? text
    }
}

extension CharacterSet {
    /// Unreserved characters only: safe in a query name or value.
    static let urlQueryValueAllowed = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
