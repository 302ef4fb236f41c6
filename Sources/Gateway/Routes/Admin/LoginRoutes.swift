import Foundation
import HTTPTypes
import Hummingbird
import Wire

/// `GET /` shows the login page (or goes to the monitor when already logged in); `POST /auth`
/// checks the admin token in constant time, rate-limited per client address.
enum LoginRoutes {
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!

    static func register(on group: RouterGroup<GatewayRequestContext>, services: GatewayServices) {
        group.get("/") { request, context -> Response in
            if let id = request.cookies[SessionCookie.name]?.value {
                switch await services.panel.sessions.check(id: id) {
                case .valid:
                    return PanelResponse.redirect(to: "/keys")
                case .unavailable:
                    return loginPage(request, context: context, services: services, notice: .databaseUnavailable,
                                     status: .serviceUnavailable)
                case .loggedOut:
                    break
                }
            }
            let notice: LoginPage.Notice = request.uri.queryParameters["bye"] != nil ? .loggedOut : .none
            return loginPage(request, context: context, services: services, notice: notice, status: .ok)
        }

        group.post("auth") { request, context -> Response in
            try await login(request, context: context, services: services)
        }
    }

    static func login(_ request: Request, context: GatewayRequestContext, services: GatewayServices) async throws -> Response {
        let settings = services.settings.current
        let client = ClientAddress.resolve(
            peer: context.remoteAddress, headers: request.headers, trustedProxies: settings.trustedProxies)
        let throttle = services.panel.loginThrottle
        let lockedUntil: Date?
        do {
            lockedUntil = try await throttle.lockedUntil(client.address)
        } catch {
            // Fail closed: without the shared count, a token is not even compared.
            context.logger.warning("Admin login refused: the login throttle's database does not answer.")
            return loginPage(request, context: context, services: services, notice: .databaseUnavailable,
                             status: .serviceUnavailable)
        }
        if let until = lockedUntil {
            return loginPage(request, context: context, services: services, notice: .lockedOut(minutes: minutes(until)),
                             status: .tooManyRequests)
        }
        // A login form posted from another site (login CSRF) is refused; browsers send this header.
        if request.headers[secFetchSite]?.lowercased() == "cross-site" {
            return loginPage(request, context: context, services: services, notice: .none, status: .forbidden)
        }
        var request = request
        let body = try await PanelBodyReader.collect(&request, upTo: 64 * 1024, t: AdminAPI.translator(for: request))
        // The login form posts `auth_token` as gemini-balance's does; scripts may send it as JSON.
        let presented: String
        if request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true {
            presented = JSONValue(parsing: body.readableBytesView)?["auth_token"]?.stringValue ?? ""
        } else {
            presented = FormBody.fields(String(buffer: body))["auth_token"] ?? ""
        }
        let adminToken = settings.effectiveAdminToken ?? ""
        guard !adminToken.isEmpty, !presented.isEmpty, Secret.constantTimeEquals(presented, adminToken) else {
            if let until = await throttle.recordFailure(client.address) {
                context.logger.warning("Admin login locked out for 15 minutes after repeated wrong tokens from \(client.address).")
                return loginPage(request, context: context, services: services, notice: .lockedOut(minutes: minutes(until)),
                                 status: .tooManyRequests)
            }
            return loginPage(request, context: context, services: services, notice: .wrongToken, status: .unauthorized)
        }
        await throttle.recordSuccess(client.address)
        let session: NewAdminSession
        do {
            session = try await services.panel.sessions.start(language: LanguageChoice.resolve(request).language)
        } catch {
            context.logger.warning("Admin login could not start a session: the database does not answer.")
            return loginPage(request, context: context, services: services, notice: .databaseUnavailable,
                             status: .serviceUnavailable)
        }
        var response = PanelResponse.redirect(to: "/keys")
        response.setCookie(SessionCookie.issue(session, maxAge: settings.adminSessionSeconds, secure: client.isHTTPS))
        return response
    }

    static func loginPage(
        _ request: Request, context: GatewayRequestContext, services: GatewayServices, notice: LoginPage.Notice,
        status: HTTPResponse.Status
    ) -> Response {
        let (language, chosenNow) = LanguageChoice.resolve(request)
        var response = PanelResponse.page(
            LoginPage.render(language: language, notice: notice, query: PageQuery(request)), status: status)
        if chosenNow {
            let secure = ClientAddress.resolve(
                peer: context.remoteAddress, headers: request.headers,
                trustedProxies: services.settings.current.trustedProxies
            ).isHTTPS
            response.setCookie(LanguageChoice.cookie(language, secure: secure))
        }
        return response
    }

    private static func minutes(_ until: Date) -> Int {
        max(1, (until.wholeSeconds() + 59) / 60)
    }
}
