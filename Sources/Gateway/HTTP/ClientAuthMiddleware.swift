import Foundation
import HTTPTypes
import Hummingbird

/// Lets a proxy request through only with a valid access token, accepted wherever clients put
/// it: `Authorization: Bearer`, `x-goog-api-key`, or `?key=`. Tokens are compared in constant
/// time; the token itself never leaves this middleware (the context keeps a fingerprint).
public struct ClientAuthMiddleware: RouterMiddleware {
    public typealias Context = GatewayRequestContext

    let settings: SettingsStore

    public init(settings: SettingsStore) {
        self.settings = settings
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let presented = Self.presentedToken(request), let identity = verify(presented) else {
            throw GatewayError.unauthorized
        }
        var context = context
        context.client = identity
        return try await next(request, context)
    }

    /// The token a client sent, from the first place that has one.
    static func presentedToken(_ request: Request) -> String? {
        if let authorization = request.headers[.authorization] {
            let trimmed = authorization.trimmingCharacters(in: .whitespaces)
            if trimmed.lowercased().hasPrefix("bearer ") {
                let token = String(trimmed.dropFirst(7)).trimmingCharacters(in: .whitespaces)
                if !token.isEmpty { return token }
            }
        }
        if let header = request.headers[HTTPField.Name("x-goog-api-key")!], !header.isEmpty {
            return header.trimmingCharacters(in: .whitespaces)
        }
        if let key = request.uri.queryParameters["key"], !key.isEmpty {
            return String(key)
        }
        return nil
    }

    /// Checks the token against every allowed token and the admin token, without stopping at the
    /// first match, so timing reveals neither which token matched nor how much of one.
    func verify(_ presented: String) -> ClientIdentity? {
        let current = settings.current
        var matchedAllowed = false
        for token in current.allowedTokens {
            matchedAllowed = Secret.constantTimeEquals(presented, token) || matchedAllowed
        }
        let admin = current.effectiveAdminToken ?? ""
        let matchedAdmin = !admin.isEmpty && Secret.constantTimeEquals(presented, admin)
        guard matchedAllowed || matchedAdmin else { return nil }
        return ClientIdentity(tokenFingerprint: Secret.fingerprint(presented), isAdminToken: matchedAdmin && !matchedAllowed)
    }
}
