import Hummingbird

/// The pages behind the login, and `POST /logout`.
enum PageRoutes {
    static func register(on group: RouterGroup<GatewayRequestContext>, services: GatewayServices) {
        group.get("keys") { request, context in
            try await respond(request, context, services) { try await MonitorPage.render($0) }
        }
        group.get("config") { request, context in
            try await respond(request, context, services) { SettingsPage.render($0) }
        }
        group.get("logs") { request, context in
            try await respond(request, context, services) { try await ErrorLogPage.render($0) }
        }
        group.get("logs/requests") { request, context in
            try await respond(request, context, services) { try await RequestLogPage.render($0) }
        }
        group.post("logout") { request, context -> Response in
            if let session = context.adminSession {
                do {
                    try await services.panel.sessions.end(id: session.sessionID)
                } catch {
                    // The browser forgets the cookie below; the session itself ends at its expiry.
                    context.logger.warning("Logout could not delete the admin session: the database does not answer.")
                }
            }
            let secure = ClientAddress.resolve(
                peer: context.remoteAddress, headers: request.headers,
                trustedProxies: services.settings.current.trustedProxies
            ).isHTTPS
            var response = PanelResponse.redirect(to: "/?bye=1")
            response.setCookie(SessionCookie.cleared(secure: secure))
            return response
        }
    }

    /// Renders a page; remembers a language the admin just chose.
    private static func respond(
        _ request: Request, _ context: GatewayRequestContext, _ services: GatewayServices,
        _ render: (PanelPage) async throws -> Markup
    ) async throws -> Response {
        let page = try PanelPage(services: services, request: request, context: context)
        var response = PanelResponse.page(try await render(page))
        let (language, chosenNow) = LanguageChoice.resolve(request)
        if chosenNow {
            let secure = ClientAddress.resolve(
                peer: context.remoteAddress, headers: request.headers, trustedProxies: page.settings.trustedProxies
            ).isHTTPS
            response.setCookie(LanguageChoice.cookie(language, secure: secure))
        }
        return response
    }
}
