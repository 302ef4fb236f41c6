import Foundation
import HTTPTypes

/// How a caller identified itself.
enum Credentials: Sendable, Equatable {
    case apiKey(String)
    /// `Authorization: Bearer …`: refused on native paths (Google wants an OAuth token there),
    /// the normal scheme on the OpenAI-compatible surface.
    case bearer(String)
    case none

    /// Native rules: a Bearer header wins (and fails) even next to a key, as reported in
    /// cnpack/cnwizards#215; then `x-goog-api-key`; then `?key=`.
    static func native(headers: HTTPFields, query: [String: String]) -> Credentials {
        if let token = bearerToken(headers) { return .bearer(token) }
        if let key = headers[.googAPIKey]?.trimmed, !key.isEmpty { return .apiKey(key) }
        if let key = query["key"]?.trimmed, !key.isEmpty { return .apiKey(key) }
        return .none
    }

    /// OpenAI-compatible rules: the Bearer token is the API key; a Google key header or `?key=`
    /// also works.
    static func openAI(headers: HTTPFields, query: [String: String]) -> Credentials {
        if let token = bearerToken(headers), !token.isEmpty { return .apiKey(token) }
        if let key = headers[.googAPIKey]?.trimmed, !key.isEmpty { return .apiKey(key) }
        if let key = query["key"]?.trimmed, !key.isEmpty { return .apiKey(key) }
        return .none
    }

    var key: String? {
        switch self {
        case .apiKey(let key), .bearer(let key): return key
        case .none: return nil
        }
    }

    private static func bearerToken(_ headers: HTTPFields) -> String? {
        guard let value = headers[.authorization], value.lowercased().hasPrefix("bearer ") else { return nil }
        return value.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }
}

extension HTTPField.Name {
    static let googAPIKey = HTTPField.Name("x-goog-api-key")!
    static let serverTiming = HTTPField.Name("Server-Timing")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let xXSSProtection = HTTPField.Name("X-XSS-Protection")!
}
