import Hummingbird

/// The admin panel's routes, at gemini-balance's paths: `/` (login), `/auth`, `/keys`, `/config`,
/// `/logs`, plus `/logs/requests`, `/logout`, `/static/…` and the JSON API under `/api` that the
/// pages' script calls. Everything but the login page, the login itself and the static assets
/// sits behind `AdminSessionMiddleware`; everything carries the panel's security headers.
public enum AdminRoutes {
    /// Routes that answer without a session (the route-walking test skips exactly these).
    public static let publicRoutes: Set<String> = ["GET /", "POST /auth", "GET /static/{name}"]

    public static func register(on router: Router<GatewayRequestContext>, services: GatewayServices) {
        let security = PanelSecurityHeadersMiddleware()
        let sessions = services.panel.sessions

        let open = router.group().add(middleware: security)
        LoginRoutes.register(on: open, services: services)
        PanelAssetRoutes.register(on: open)

        let pages = router.group().add(middleware: security)
            .add(middleware: AdminSessionMiddleware(sessions: sessions, settings: services.settings, audience: .page))
        PageRoutes.register(on: pages, services: services)

        let api = router.group("api").add(middleware: security)
            .add(middleware: AdminSessionMiddleware(sessions: sessions, settings: services.settings, audience: .api))
        KeyAPI.register(on: api, services: services)
        StatsAPI.register(on: api, services: services)
        SettingsAPI.register(on: api, services: services)
        LogAPI.register(on: api, services: services)
    }
}
