import Hummingbird
import Logging

extension FakeGemini {
    /// A Hummingbird application serving `fake` on `host:port` (port 0 picks a free port).
    ///
    /// - Parameters:
    ///   - logger: defaults to a `fake-gemini` logger at `.warning`, so benchmarks are not slowed by logs.
    ///   - onListening: called once the server is bound, with the host and the real port.
    public static func makeApplication(
        fake: FakeGemini,
        host: String = "127.0.0.1",
        port: Int = 0,
        logger: Logger? = nil,
        onListening: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }
    ) -> some ApplicationProtocol {
        var defaultLogger = Logger(label: "fake-gemini")
        defaultLogger.logLevel = .warning
        return Application(
            router: fake.makeRouter(),
            server: .http1(configuration: .init(additionalChannelHandlers: [HangUpClosingHandler()])),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                await onListening(host, channel.localAddress?.port ?? port)
            },
            logger: logger ?? defaultLogger)
    }
}
