import HTTPTypes
import Hummingbird

/// Guards every admin page and API route: a valid session is required (pages redirect to the
/// login page, API routes answer 401 JSON), and every change (POST, PUT, PATCH, DELETE) must
/// carry the session's CSRF token, in `X-CSRF-Token` (the pages' fetch calls) or in the
/// `csrf_token` field of a form (403 otherwise).
struct AdminSessionMiddleware: RouterMiddleware {
    typealias Context = GatewayRequestContext

    enum Audience: Sendable {
        case page
        case api
    }

    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    static let csrfField = "csrf_token"

    let sessions: AdminSessions
    let settings: SettingsStore
    let audience: Audience

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let id = request.cookies[SessionCookie.name]?.value ?? ""
        let session: AdminSession
        switch await sessions.check(id: id) {
        case .valid(let valid):
            session = valid
        case .loggedOut:
            switch audience {
            case .page:
                var response = PanelResponse.redirect(to: "/")
                if !id.isEmpty { response.setCookie(SessionCookie.cleared(secure: isHTTPS(request, context))) }
                return response
            case .api:
                throw Self.unauthenticated(AdminAPI.translator(for: request)(.sessionMissing))
            }
        case .unavailable:
            // Fail closed, but keep the cookie: the session works again once the database is back.
            // The login page says why (it checks the session again and finds the same).
            context.logger.warning("An admin session could not be checked: the database does not answer. Treated as logged out.")
            switch audience {
            case .page:
                return PanelResponse.redirect(to: "/")
            case .api:
                throw Self.unauthenticated(AdminAPI.translator(for: request)(.sessionUnchecked))
            }
        }
        var request = request
        let language = LanguageChoice.resolve(request, sessionLanguage: session.language).language
        if Self.isChange(request.method) {
            let t = Translator(language: language)
            let presented = try await csrfToken(in: &request, t: t)
            // Seen after logging in again in another tab (the old page's token is gone): in the
            // page's language, like the rest of it.
            guard let presented, Secret.constantTimeEquals(presented, session.csrfToken) else {
                throw GatewayError(
                    status: 403, googleStatus: "PERMISSION_DENIED", openAIType: "invalid_request_error", message: t(.csrfRefused))
            }
        }
        var context = context
        context.adminSession = AdminSessionInfo(sessionID: session.id, csrfToken: session.csrfToken, language: language)
        return try await next(request, context)
    }

    private static func unauthenticated(_ message: String) -> GatewayError {
        GatewayError(status: 401, googleStatus: "UNAUTHENTICATED", openAIType: "invalid_request_error", message: message)
    }

    static func isChange(_ method: HTTPRequest.Method) -> Bool {
        ![.get, .head, .options].contains(method)
    }

    /// The token from the header, or from a form body (which is then kept for the handler).
    private func csrfToken(in request: inout Request, t: Translator) async throws -> String? {
        if let header = request.headers[Self.csrfHeader] { return header }
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else { return nil }
        let body = try await PanelBodyReader.collect(&request, upTo: 1 << 20, t: t)
        return FormBody.fields(String(buffer: body))[Self.csrfField]
    }

    private func isHTTPS(_ request: Request, _ context: Context) -> Bool {
        ClientAddress.resolve(
            peer: context.remoteAddress, headers: request.headers, trustedProxies: settings.current.trustedProxies
        ).isHTTPS
    }
}
