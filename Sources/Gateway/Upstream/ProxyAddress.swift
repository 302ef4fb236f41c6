import Foundation

/// One entry of `PROXIES`: `http://[user:pass@]host:port` or `socks5://host:port`.
///
/// Two forms other tools accept are refused, because the HTTP client cannot honour them and
/// every call would fail far from the cause: a TLS connection to the proxy itself (`https://`)
/// and a SOCKS proxy with a user name and password. `unsupported(_:)` says which, for the
/// settings check.
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
        guard Self.unsupported(text) == nil else { return nil }
        switch scheme {
        case "http":
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

    /// Why an entry that looks like a proxy address cannot be used, or nil.
    public static func unsupported(_ text: String) -> LocalizedText? {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
            let scheme = components.scheme?.lowercased()
        else { return nil }
        if scheme == "https" {
            return LocalizedText(
                en: "“\(Secret.mask(text))”: proxies reached over TLS (https://) are not supported; write http://host:port (the calls to Google stay encrypted end to end).",
                zh: "“\(Secret.mask(text))”：不支持通过 TLS 连接的代理（https://），请写成 http://主机:端口（与 Google 之间的连接仍然全程加密）。")
        }
        if ["socks5", "socks5h", "socks"].contains(scheme), components.user != nil {
            return LocalizedText(
                en: "“\(Secret.mask(text))”: SOCKS5 proxies with a user name and password are not supported; use one without a password, or an HTTP proxy (http://user:pass@host:port).",
                zh: "“\(Secret.mask(text))”：不支持带用户名和密码的 SOCKS5 代理；请使用无密码的 SOCKS5 代理，或 HTTP 代理（http://用户名:密码@主机:端口）。")
        }
        return nil
    }
}
