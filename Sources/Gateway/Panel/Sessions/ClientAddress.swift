import HTTPTypes
import NIOCore

/// Who is on the other end of a panel request, for the login throttle and the `Secure` flag.
///
/// The TCP peer, unless the peer is one of `TRUSTED_PROXIES`: then the address the proxy reports,
/// the right-most `X-Forwarded-For` entry that is not itself a trusted proxy (entries further
/// left were written by the client and prove nothing). `CF-Connecting-IP` counts only when there
/// is no `X-Forwarded-For`: nginx passes a client's own `CF-Connecting-IP` through untouched (a
/// new one on every try would dodge the login throttle) but appends what it saw to
/// `X-Forwarded-For`, and Cloudflare itself sets both, to the same address.
struct ClientAddress: Sendable, Equatable {
    /// The address as text (an IP, or the peer's description when it has none).
    let address: String
    /// The request reached us over HTTPS (`X-Forwarded-Proto: https` from a trusted proxy).
    let isHTTPS: Bool

    static let cloudflareHeader = HTTPField.Name("CF-Connecting-IP")!
    static let forwardedForHeader = HTTPField.Name("X-Forwarded-For")!
    static let forwardedProtoHeader = HTTPField.Name("X-Forwarded-Proto")!

    static func resolve(peer: SocketAddress?, headers: HTTPFields, trustedProxies: [String]) -> ClientAddress {
        let peerText = peer?.ipAddress ?? "unknown"
        let networks = trustedProxies.compactMap(IPNetwork.init)
        func isTrusted(_ text: String) -> Bool {
            guard let address = IPAddress(text: text) else { return false }
            return networks.contains { $0.contains(address) }
        }
        guard !networks.isEmpty, isTrusted(peerText) else {
            return ClientAddress(address: peerText, isHTTPS: false)
        }
        let https = headers[forwardedProtoHeader]?
            .split(separator: ",").first?
            .trimmingCharacters(in: .whitespaces).lowercased() == "https"
        let forwarded = headers[values: forwardedForHeader]
            .flatMap { $0.split(separator: ",") }
            .map { stripPort($0.trimmingCharacters(in: .whitespaces)) }
            .filter { !$0.isEmpty }
        for entry in forwarded.reversed() where !isTrusted(entry) {
            return ClientAddress(address: entry, isHTTPS: https)
        }
        if forwarded.isEmpty, let cloudflare = headers[cloudflareHeader]?.trimmingCharacters(in: .whitespaces),
           IPAddress(text: cloudflare) != nil {
            return ClientAddress(address: cloudflare, isHTTPS: https)
        }
        // Every hop is a trusted proxy: the left-most is as close to the client as we know.
        return ClientAddress(address: forwarded.first ?? peerText, isHTTPS: https)
    }

    /// `1.2.3.4:5678` → `1.2.3.4`, `[::1]:80` → `::1`; a bare IPv6 address is left alone.
    static func stripPort(_ entry: String) -> String {
        if entry.hasPrefix("["), let end = entry.firstIndex(of: "]") {
            return String(entry[entry.index(after: entry.startIndex)..<end])
        }
        if entry.filter({ $0 == ":" }).count == 1, let colon = entry.firstIndex(of: ":") {
            return String(entry[..<colon])
        }
        return entry
    }
}
