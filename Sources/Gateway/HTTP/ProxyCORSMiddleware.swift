import HTTPTypes
import Hummingbird

/// Lets browser-based clients (NextChat, LobeChat and others running in a browser tab) call the
/// proxy routes from any origin. These routes are authorised by a token the page sends in a
/// header, never by cookies, so allowing every origin — without credentials — exposes nothing a
/// page could not already do with the token. The admin panel gets no CORS at all.
public struct ProxyCORSMiddleware: RouterMiddleware {
    public typealias Context = GatewayRequestContext

    static let allowedMethods = "GET, POST, OPTIONS"
    static let defaultAllowedHeaders = "Authorization, Content-Type, x-goog-api-key, x-goog-api-client, x-goog-user-project"
    static let exposedHeaders = "Retry-After, retry-after-ms, x-should-retry"

    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard APIFamily.of(path: request.uri.path) != .gateway else {
            return try await next(request, context)
        }
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            var headers: HTTPFields = [
                .accessControlAllowOrigin: "*",
                .accessControlAllowMethods: Self.allowedMethods,
                .accessControlAllowHeaders: request.headers[.accessControlRequestHeaders] ?? Self.defaultAllowedHeaders,
                .accessControlMaxAge: "86400",
            ]
            headers[.vary] = "Access-Control-Request-Headers"
            return Response(status: .noContent, headers: headers)
        }
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = "*"
        response.headers[.accessControlExposeHeaders] = Self.exposedHeaders
        return response
    }
}
