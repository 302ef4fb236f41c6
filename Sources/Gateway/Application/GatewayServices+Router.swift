import Hummingbird

extension GatewayServices {
    /// Every route Gemgate serves.
    public func makeRouter() -> Router<GatewayRequestContext> {
        let router = Router(context: GatewayRequestContext.self)
        // Outermost first: CORS headers go on error answers too, so browser clients can read them.
        router.add(middleware: ProxyCORSMiddleware())
        router.add(middleware: ErrorRenderingMiddleware())
        HealthRoutes.register(on: router)
        GeminiRoutes.register(on: router, services: self)
        OpenAIRoutes.register(on: router, services: self)
        AdminRoutes.register(on: router, services: self)
        return router
    }

    /// The HTTP application on `HOST:PORT`, with the background services (log writer, key-state
    /// persister, periodic jobs). On shutdown the server stops first, then the services in
    /// reverse order, so the last logs of the last requests are still written. A proxy request
    /// whose client leaves is cancelled (`HangUpClosingHandler`, `CancelOnDisconnectResponder`).
    public func makeApplication(lease: JobLease = .always) -> some ApplicationProtocol {
        Application(
            responder: CancelOnDisconnectResponder(makeRouter().buildResponder()),
            server: .http1(configuration: .init(additionalChannelHandlers: [HangUpClosingHandler()])),
            configuration: .init(address: .hostname(launch.host, port: launch.port), serverName: "Gemgate"),
            services: backgroundServices(lease: lease),
            logger: logger)
    }
}
