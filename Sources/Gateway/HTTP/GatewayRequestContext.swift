import Hummingbird
import NIOCore

/// Per-request state shared between middleware and handlers.
public struct GatewayRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The TCP peer. Behind a reverse proxy this is the proxy; see `ClientAddress`.
    public let remoteAddress: SocketAddress?
    /// The client's connection, to notice when the client leaves before its answer is ready.
    public let connection: ClientConnection
    /// Set by `ClientAuthMiddleware` on proxy routes: who is calling.
    public var client: ClientIdentity?
    /// Set by the admin session middleware on panel routes.
    public var adminSession: AdminSessionInfo?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        connection = ClientConnection(channel: source.channel)
    }

    /// Handlers read bodies themselves with the configured limit (`RequestBodyReader`); this
    /// only caps Hummingbird's own decoding helpers.
    public var maxUploadSize: Int { 256 * 1024 * 1024 }
}

/// The client behind a proxy request, as far as logs need to know it.
public struct ClientIdentity: Sendable {
    /// `Secret.fingerprint` of the token used.
    public let tokenFingerprint: String
    /// True when the admin token was used as a super token.
    public let isAdminToken: Bool
}

/// Who is logged in to the panel for this request.
public struct AdminSessionInfo: Sendable {
    public let sessionID: String
    public let csrfToken: String
    public let language: Language
}
