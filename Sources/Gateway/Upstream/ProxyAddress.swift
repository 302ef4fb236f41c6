import Foundation

/// One entry of `PROXIES`: `http://[user:pass@]host:port` or `socks5://host:port`.
public struct ProxyAddress: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case http, socks5 }

    public let kind: Kind
    public let host: String
    public let port: Int
    public let username: String?
    public let password: String?
    /// The entry as configured; used as the identity of its HTTP client.
    public let text: String

    public init?(_ text: String) {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
            let scheme = components.scheme?.lowercased(), let host = components.host, !host.isEmpty
        else { return nil }
        switch scheme {
        case "http", "https":
            kind = .http
            port = components.port ?? 80
        case "socks5", "socks5h", "socks":
            kind = .socks5
            port = components.port ?? 1080
        default:
            return nil
        }
        self.host = host
        self.username = components.user
        self.password = components.password
        self.text = text
    }
}
