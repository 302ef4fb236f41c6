import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// Sends requests to Google with a given key, through the key's proxy when `PROXIES` is set.
///
/// One AsyncHTTPClient per proxy (AsyncHTTPClient configures proxies per client), all sharing the
/// server's event loops. The connection pool is sized for thousands of concurrent streams: the
/// library's default of 8 connections per host would queue streams behind each other.
public final class UpstreamClient: Sendable {
    /// Connections per host; above this, requests wait for a free connection.
    public static let connectionsPerHost = 4096

    private struct Clients {
        var timeoutSeconds: Int
        var direct: HTTPClient
        var byProxy: [String: HTTPClient] = [:]
    }

    private let clients: Mutex<Clients>
    /// Clients replaced after a `TIME_OUT` change; kept until shutdown so in-flight calls finish.
    private let retired = Mutex<[HTTPClient]>([])
    private let settings: SettingsStore
    private let eventLoopGroup: any EventLoopGroup
    private let userAgent: String

    public init(settings: SettingsStore, eventLoopGroup: any EventLoopGroup, version: String) {
        self.settings = settings
        self.eventLoopGroup = eventLoopGroup
        self.userAgent = "gemgate/\(version)"
        let timeout = settings.current.timeoutSeconds
        clients = Mutex(Clients(
            timeoutSeconds: timeout,
            direct: Self.makeClient(proxy: nil, timeoutSeconds: timeout, eventLoopGroup: eventLoopGroup)))
    }

    /// Sends `request` with `key`. Returns at the response head; the body streams afterwards.
    /// Throws on transport failures (connect, TLS, timeout before the head).
    public func execute(_ request: UpstreamRequest, key: String) async throws -> HTTPClientResponse {
        let current = settings.current
        var outgoing = HTTPClientRequest(url: request.url(baseURL: current.baseURL))
        outgoing.method = request.method
        outgoing.headers.add(name: "User-Agent", value: userAgent)
        for (name, value) in current.customHeaders { outgoing.headers.replaceOrAdd(name: name, value: value) }
        switch request.surface {
        case .native: outgoing.headers.replaceOrAdd(name: "x-goog-api-key", value: key)
        case .openAICompatible: outgoing.headers.replaceOrAdd(name: "Authorization", value: "Bearer \(key)")
        }
        if let body = request.body {
            outgoing.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
            outgoing.body = .bytes(body)
        }
        let client = client(for: key, settings: current)
        return try await client.execute(outgoing, timeout: .seconds(Int64(current.timeoutSeconds)))
    }

    /// Closes every client. Called once, after the server stopped.
    public func shutdown() async {
        let all = clients.withLock { [$0.direct] + Array($0.byProxy.values) } + retired.withLock { $0 }
        for client in all { try? await client.shutdown() }
    }

    /// The client for the key's proxy: a stable choice per key (a hash of the key), so a key
    /// always leaves through the same address; or a random one when consistency is turned off.
    private func client(for key: String, settings: Settings) -> HTTPClient {
        let proxies = settings.proxies.compactMap(ProxyAddress.init)
        let proxy: ProxyAddress?
        if proxies.isEmpty {
            proxy = nil
        } else if settings.proxiesConsistentHash {
            proxy = proxies[Int(FNV1a.hash(key) % UInt64(proxies.count))]
        } else {
            proxy = proxies.randomElement()
        }
        return clients.withLock { clients in
            if clients.timeoutSeconds != settings.timeoutSeconds {
                let old = [clients.direct] + Array(clients.byProxy.values)
                retired.withLock { $0.append(contentsOf: old) }
                clients = Clients(
                    timeoutSeconds: settings.timeoutSeconds,
                    direct: Self.makeClient(proxy: nil, timeoutSeconds: settings.timeoutSeconds, eventLoopGroup: eventLoopGroup))
            }
            guard let proxy else { return clients.direct }
            if let existing = clients.byProxy[proxy.text] { return existing }
            let created = Self.makeClient(proxy: proxy, timeoutSeconds: clients.timeoutSeconds, eventLoopGroup: eventLoopGroup)
            clients.byProxy[proxy.text] = created
            return created
        }
    }

    private static func makeClient(proxy: ProxyAddress?, timeoutSeconds: Int, eventLoopGroup: any EventLoopGroup) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connectionsPerHost)
        // The read timeout bounds the silence between two chunks of a stream; a thinking model
        // can pause long, so it follows TIME_OUT rather than a short fixed value.
        configuration.timeout = .init(connect: .seconds(15), read: .seconds(Int64(timeoutSeconds)))
        configuration.decompression = .disabled
        // Fail an unreachable upstream at once instead of retrying the connection until the
        // request's deadline: the dispatcher's own loop retries, on another key.
        configuration.connectionPool.retryConnectionEstablishment = false
        if let proxy {
            switch proxy.kind {
            case .http:
                let authorization = proxy.username.map {
                    HTTPClient.Authorization.basic(username: $0, password: proxy.password ?? "")
                }
                configuration.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
            case .socks5:
                configuration.proxy = .socksServer(host: proxy.host, port: proxy.port)
            }
        }
        return HTTPClient(eventLoopGroup: eventLoopGroup, configuration: configuration)
    }
}
