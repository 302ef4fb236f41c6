import AsyncHTTPClient
import Foundation
import NIOCore
import Wire

/// Fetches the `http(s)` image URLs of chat requests (issue 3, item 6), safely:
///
/// - only `http` and `https`, only public addresses: the host is resolved first and refused if
///   any of its addresses is loopback, private, link-local, multicast or otherwise not the public
///   internet (`AddressPolicy`), before any connection is made;
/// - the connection goes to the address that was checked (AsyncHTTPClient's `dnsOverride`; TLS
///   still verifies the certificate for the host name), so a second DNS answer cannot swap in
///   another address between the check and the connection (DNS rebinding);
/// - redirects are followed by hand, at most `maxRedirects`, each target checked the same way;
/// - only media types Gemini takes (`MediaTypePolicy`); at most `maxBytes`, counted while the
///   body arrives (a declared `Content-Length` over the limit is refused at once); the whole
///   fetch within `timeout`.
///
/// It never goes through `PROXIES`: those are for Google, and a proxy would hide the address
/// the check is about.
public final class RemoteMediaFetcher: Sendable {
    public struct Limits: Sendable {
        public var maxBytes: Int
        public var timeout: Duration
        public var maxRedirects: Int
        /// Lets loopback addresses through. Only for tests that serve media from a local server;
        /// every other kind of private address stays refused.
        public var allowsLoopback: Bool

        public static let standard = Limits(maxBytes: 20 << 20, timeout: .seconds(15), maxRedirects: 3)

        public init(maxBytes: Int, timeout: Duration, maxRedirects: Int, allowsLoopback: Bool = false) {
            self.maxBytes = maxBytes
            self.timeout = timeout
            self.maxRedirects = maxRedirects
            self.allowsLoopback = allowsLoopback
        }
    }

    public let limits: Limits
    private let eventLoopGroup: any EventLoopGroup
    private let userAgent: String

    public init(eventLoopGroup: any EventLoopGroup, limits: Limits = .standard, version: String = "") {
        self.eventLoopGroup = eventLoopGroup
        self.limits = limits
        self.userAgent = version.isEmpty ? "gemgate" : "gemgate/\(version)"
    }

    /// The fetcher as the chat converter takes it.
    public var asMediaFetcher: MediaFetcher {
        { [self] url in try await self.fetch(url) }
    }

    /// Fetches `url` within the limits.
    public func fetch(_ url: URL) async throws -> FetchedMedia {
        let timeout = limits.timeout
        let deadline = ContinuousClock.now + timeout
        let tooSlow = MediaFetchError("\(Self.shown(url)) did not answer within \(timeout).")
        do {
            return try await withThrowingTaskGroup(of: FetchedMedia?.self) { group in
                group.addTask { try await self.follow(url) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let media = try await group.next() ?? nil else { throw tooSlow }
                return media
            }
        } catch let error as MediaFetchError {
            throw error
        } catch {
            // Whatever else failed (the connection, a read cut short by the deadline), the
            // caller gets one kind of error, worded by what happened.
            if ContinuousClock.now >= deadline { throw tooSlow }
            throw MediaFetchError("\(Self.shown(url)) could not be fetched: \(error)")
        }
    }

    // MARK: Steps

    private enum Hop {
        case media(FetchedMedia)
        case redirect(URL)
    }

    /// Fetches, following redirects, checking every target before connecting to it.
    private func follow(_ start: URL) async throws -> FetchedMedia {
        var url = start
        for _ in 0...limits.maxRedirects {
            let address = try await checkedAddress(for: url)
            switch try await get(url, connectingTo: address) {
            case .media(let media): return media
            case .redirect(let next): url = next
            }
        }
        throw MediaFetchError("\(Self.shown(start)) redirects more than \(limits.maxRedirects) times.")
    }

    /// The address to connect to for `url`, after the scheme and every resolved address passed.
    func checkedAddress(for url: URL) async throws -> IPAddress {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw MediaFetchError("\(Self.shown(url)) is not an http(s) URL.", refusedBeforeConnecting: true)
        }
        guard let host = url.host, !host.isEmpty else {
            throw MediaFetchError("\(Self.shown(url)) has no host.", refusedBeforeConnecting: true)
        }
        let addresses: [IPAddress]
        do {
            addresses = try await HostResolver.resolve(host, timeout: limits.timeout)
        } catch {
            throw MediaFetchError("\(Self.shown(url)): \(error)", refusedBeforeConnecting: true)
        }
        for address in addresses {
            if limits.allowsLoopback, Self.isLoopback(address) { continue }
            if let reason = AddressPolicy.refusal(for: address) {
                throw MediaFetchError(
                    Self.refusalMessage(url: url, host: host, address: address, reason: reason), refusedBeforeConnecting: true)
            }
        }
        return addresses[0]
    }

    /// Why `url` is refused. A host written as an address is named with its range, which the
    /// client already knows. A host name is not: what it resolves to, or even which kind of
    /// private range, would let a client map the gateway's internal DNS one refusal at a time.
    static func refusalMessage(url: URL, host: String, address: IPAddress, reason: String) -> String {
        let advice = "Gemgate fetches images only from public internet addresses; send the image as a data: URL instead."
        if IPAddress(text: host) != nil {
            return "\(shown(url)) points to \(address), \(reason). \(advice)"
        }
        return "\(shown(url)): its host name does not resolve to a public internet address. \(advice)"
    }

    /// One request, to the checked address.
    private func get(_ url: URL, connectingTo address: IPAddress) async throws -> Hop {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(timeoutSeconds))
        configuration.decompression = .disabled
        configuration.dnsOverride = Self.dnsOverride(host: url.host ?? "", address: address)
        let client = HTTPClient(eventLoopGroup: eventLoopGroup, configuration: configuration)
        do {
            let hop = try await get(url, with: client)
            try? await client.shutdown()
            return hop
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func get(_ url: URL, with client: HTTPClient) async throws -> Hop {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.headers.add(name: "User-Agent", value: userAgent)
        request.headers.add(name: "Accept", value: "image/*, audio/*, video/*, application/pdf")
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: .seconds(timeoutSeconds))
        } catch {
            throw MediaFetchError("\(Self.shown(url)) could not be fetched (\(error)).")
        }
        let status = Int(response.status.code)
        if [301, 302, 303, 307, 308].contains(status) {
            guard let location = response.headers.first(name: "location"),
                let next = URL(string: location, relativeTo: url)?.absoluteURL
            else {
                throw MediaFetchError("\(Self.shown(url)) redirects (\(status)) without a usable Location.")
            }
            return .redirect(next)
        }
        guard (200..<300).contains(status) else {
            throw MediaFetchError("\(Self.shown(url)) answered HTTP \(status).")
        }
        let contentType = response.headers.first(name: "content-type")
        guard let mediaType = MediaTypePolicy.mediaType(contentType: contentType, path: url.path) else {
            throw MediaFetchError(
                "\(Self.shown(url)) is \(contentType ?? "of no declared type"), not an image, audio, video or PDF file.")
        }
        if let declared = response.headers.first(name: "content-length").flatMap(Int.init), declared > limits.maxBytes {
            throw MediaFetchError("\(Self.shown(url)) is \(declared) bytes, over the \(limits.maxBytes >> 20) MB limit.")
        }
        var bytes = Data()
        for try await chunk in response.body {
            guard bytes.count + chunk.readableBytes <= limits.maxBytes else {
                throw MediaFetchError("\(Self.shown(url)) is over the \(limits.maxBytes >> 20) MB limit.")
            }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        return .media(FetchedMedia(mimeType: mediaType, base64Data: bytes.base64EncodedString()))
    }

    // MARK: Helpers

    /// AsyncHTTPClient's own timeouts: only a backstop, a little longer than the overall
    /// deadline of `fetch`, which is the one that applies and names itself in the message.
    private var timeoutSeconds: Int64 { max(1, limits.timeout.components.seconds) + 5 }

    /// Maps the URL's host, in each spelling AsyncHTTPClient may key it by, to the checked address.
    static func dnsOverride(host: String, address: IPAddress) -> [String: String] {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var spellings: Set<String> = [host, bare, bare.lowercased()]
        if bare.contains(":") { spellings.insert("[\(bare)]") }
        return Dictionary(uniqueKeysWithValues: spellings.map { ($0, address.description) })
    }

    static func isLoopback(_ address: IPAddress) -> Bool {
        if address.isIPv4 { return address.bytes[0] == 127 }
        return address.bytes[0..<15].allSatisfy { $0 == 0 } && address.bytes[15] == 1
    }

    /// A URL as shown in messages: without user info or query, and not too long.
    static func shown(_ url: URL) -> String {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: true)
        components?.user = nil
        components?.password = nil
        components?.query = nil
        let text = components?.string ?? url.absoluteString
        return text.count > 120 ? String(text.prefix(117)) + "…" : text
    }
}
