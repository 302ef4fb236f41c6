import Foundation
@testable import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import Synchronization
import Testing
import Wire

/// A small web server on loopback that plays "the internet" for the media fetcher, and counts
/// every request it gets (a refused URL must never reach it).
struct MediaOrigin {
    static let pixel: [UInt8] = Array(Data(base64Encoded:
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!)

    final class Hits: Sendable {
        let paths = Mutex<[String]>([])
    }

    let hits: Hits
    let port: Int

    var base: String { "http://127.0.0.1:\(port)" }
    var hitCount: Int { hits.paths.withLock { $0.count } }

    static func run(_ body: @Sendable (MediaOrigin) async throws -> Void) async throws {
        let hits = Hits()
        let router = Router()
        router.middlewares.add(CountingMiddleware(hits: hits))
        router.get("pixel.png") { _, _ in
            Response(status: .ok, headers: [.contentType: "image/png"], body: .init(byteBuffer: ByteBuffer(bytes: pixel)))
        }
        router.get("untyped.png") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/octet-stream"], body: .init(byteBuffer: ByteBuffer(bytes: pixel)))
        }
        router.get("page") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: "<html></html>")))
        }
        router.get("declared-big.png") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "image/png"],
                body: .init(byteBuffer: ByteBuffer(repeating: 0, count: 2 << 20)))
        }
        router.get("streamed-big.png") { _, _ in
            // No Content-Length: the limit must hold while the body arrives.
            Response(status: .ok, headers: [.contentType: "image/png"], body: ResponseBody { writer in
                for _ in 0..<64 { try await writer.write(ByteBuffer(repeating: 1, count: 64 << 10)) }
                try await writer.finish(nil)
            })
        }
        router.get("to-private") { _, _ in
            Response(status: .found, headers: [.location: "http://10.0.0.1/pixel.png"])
        }
        router.get("to-pixel") { _, _ in
            Response(status: .movedPermanently, headers: [.location: "/pixel.png"])
        }
        router.get("loop") { _, _ in
            Response(status: .temporaryRedirect, headers: [.location: "/loop"])
        }
        router.get("slow.png") { _, _ in
            try await Task.sleep(for: .seconds(5))
            return Response(status: .ok, headers: [.contentType: "image/png"], body: .init(byteBuffer: ByteBuffer(bytes: pixel)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body(MediaOrigin(hits: hits, port: try #require(client.port)))
        }
    }

    struct CountingMiddleware: RouterMiddleware {
        let hits: Hits
        func handle(_ request: Request, context: BasicRequestContext, next: (Request, BasicRequestContext) async throws -> Response) async throws -> Response {
            hits.paths.withLock { $0.append(request.uri.path) }
            return try await next(request, context)
        }
    }
}

/// Issue 3, item 6: image URLs are fetched with limits, and never from non-public addresses.
@Suite struct MediaFetchTests {
    static func imageRequest(_ url: String) -> JSONValue {
        [
            "model": "gemini-2.5-flash",
            "messages": [["role": "user", "content": [
                ["type": "text", "text": "describe"], ["type": "image_url", "image_url": ["url": .string(url)]],
            ]]],
        ]
    }

    @Test func loopbackAndPrivateURLsAreRefusedWithoutFetching() async throws {
        try await MediaOrigin.run { origin in
            try await GatewayHarness.run(keys: [openAIKey("ssrf")]) { harness in
                let refused = [
                    "\(origin.base)/pixel.png",
                    "http://localhost:\(origin.port)/pixel.png",
                    "http://[::ffff:127.0.0.1]:\(origin.port)/pixel.png",
                    "http://2130706433:\(origin.port)/pixel.png",
                    "http://10.0.0.1/pixel.png",
                    "http://169.254.169.254/latest/meta-data/",
                    "http://[::1]:\(origin.port)/pixel.png",
                    "http://[fd00::1]/pixel.png",
                    "http://100.64.0.1/pixel.png",
                    "ftp://example.com/pixel.png",
                ]
                for url in refused {
                    let started = ContinuousClock.now
                    let reply = try await harness.openAIPost("/v1/chat/completions", Self.imageRequest(url))
                    #expect(reply.status == 400, "\(url): \(reply.body)")
                    #expect(reply.openAIError?["code"]?.stringValue == "media_unavailable", "\(url)")
                    #expect(ContinuousClock.now - started < .seconds(3), "\(url) was not refused at once")
                }
                let loopback = try await harness.openAIPost("/v1/chat/completions", Self.imageRequest("\(origin.base)/pixel.png"))
                #expect(loopback.openAIError?["message"]?.stringValue?.contains("loopback") == true)
                let privateNet = try await harness.openAIPost("/v1/chat/completions", Self.imageRequest("http://10.0.0.1/x.png"))
                #expect(privateNet.openAIError?["message"]?.stringValue?.contains("private (10.0.0.0/8)") == true)
                #expect(origin.hitCount == 0)
                #expect(harness.fake.requests().isEmpty)
            }
        }
    }

    static func localFetcher(maxBytes: Int = 1 << 20, timeout: Duration = .seconds(5)) -> RemoteMediaFetcher {
        RemoteMediaFetcher(
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            limits: .init(maxBytes: maxBytes, timeout: timeout, maxRedirects: 2, allowsLoopback: true))
    }

    @Test func fetchesMediaAndFollowsCheckedRedirects() async throws {
        try await MediaOrigin.run { origin in
            let fetcher = Self.localFetcher()
            let media = try await fetcher.fetch(URL(string: "\(origin.base)/pixel.png")!)
            #expect(media.mimeType == "image/png")
            #expect(Data(base64Encoded: media.base64Data).map(Array.init) == MediaOrigin.pixel)
            let untyped = try await fetcher.fetch(URL(string: "\(origin.base)/untyped.png")!)
            #expect(untyped.mimeType == "image/png")
            let redirected = try await fetcher.fetch(URL(string: "\(origin.base)/to-pixel")!)
            #expect(redirected.mimeType == "image/png")
        }
    }

    @Test func refusesWhatIsNotMediaOrTooBigOrSlowOrRedirectedAway() async throws {
        try await MediaOrigin.run { origin in
            // One second is the deadline the slow origin is measured against; the other checks
            // get the usual five, so three redirect hops on a busy test machine still finish.
            let patient = Self.localFetcher()
            let hasty = Self.localFetcher(timeout: .seconds(1))
            func failure(_ path: String, fetcher: RemoteMediaFetcher? = nil) async -> MediaFetchError? {
                do {
                    _ = try await (fetcher ?? patient).fetch(URL(string: "\(origin.base)\(path)")!)
                    return nil
                } catch {
                    return error as? MediaFetchError
                }
            }
            #expect(await failure("/page")?.message.contains("text/html") == true)
            #expect(await failure("/declared-big.png")?.message.contains("limit") == true)
            #expect(await failure("/streamed-big.png")?.message.contains("limit") == true)
            #expect(await failure("/loop")?.message.contains("redirects more than") == true)
            let away = await failure("/to-private")
            #expect(away?.refusedBeforeConnecting == true)
            #expect(away?.message.contains("10.0.0.1") == true)
            let started = ContinuousClock.now
            #expect(await failure("/slow.png", fetcher: hasty)?.message.contains("did not answer within") == true)
            #expect(ContinuousClock.now - started < .seconds(3))
            #expect(await failure("/missing.png")?.message.contains("HTTP 404") == true)
        }
    }

    @Test(arguments: [
        ("127.0.0.1", false), ("127.255.0.9", false), ("10.1.2.3", false), ("172.16.0.1", false), ("172.31.255.255", false),
        ("172.32.0.1", true), ("192.168.1.1", false), ("100.64.0.1", false), ("100.128.0.1", true), ("169.254.169.254", false),
        ("0.0.0.0", false), ("224.0.0.1", false), ("255.255.255.255", false), ("8.8.8.8", true), ("93.184.216.34", true),
        ("::", false), ("::1", false), ("fc00::1", false), ("fd12:3456::1", false), ("fe80::1", false), ("ff02::1", false),
        ("::ffff:127.0.0.1", false), ("::ffff:10.0.0.1", false), ("::ffff:8.8.8.8", true), ("::127.0.0.1", false),
        ("64:ff9b::a00:1", false), ("2002:7f00:1::", false), ("2002:808:808::", true), ("2606:4700::1111", true),
        ("2001:4860:4860::8888", true), ("2001:db8::1", false),
        // Local-use NAT64 (RFC 8215) may translate to any IPv4 address, private ones included.
        ("64:ff9b:1::a00:1", false), ("64:ff9b:1:ffff::808:808", false), ("64:ff9b:2::1", true),
    ])
    func addressPolicy(address: String, allowed: Bool) throws {
        let parsed = try #require(IPAddress(text: address))
        #expect((AddressPolicy.refusal(for: parsed) == nil) == allowed, "\(address)")
    }

    /// A refusal names the address only when the client wrote it: for a host name, what it
    /// resolves to (or which private range) would map the gateway's internal DNS for the client.
    @Test func refusalsNameTheAddressOnlyWhenTheClientWroteIt() async throws {
        let fetcher = RemoteMediaFetcher(eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        func refusal(_ url: String) async -> MediaFetchError? {
            do {
                _ = try await fetcher.checkedAddress(for: URL(string: url)!)
                return nil
            } catch {
                return error as? MediaFetchError
            }
        }
        let named = try #require(await refusal("http://localhost:8080/x.png"))
        #expect(named.refusedBeforeConnecting)
        #expect(!named.message.contains("127.0.0.1") && !named.message.contains("::1") && !named.message.contains("loopback"))
        #expect(named.message.contains("public internet") && named.message.contains("data: URL"), "\(named.message)")
        let literal = try #require(await refusal("http://10.0.0.1/x.png"))
        #expect(literal.message.contains("10.0.0.1") && literal.message.contains("private (10.0.0.0/8)"), "\(literal.message)")
        let literal6 = try #require(await refusal("http://[64:ff9b:1::a00:1]/x.png"))
        #expect(literal6.message.contains("local-use NAT64"), "\(literal6.message)")
    }

    @Test func resolverFindsEveryAddressOffTheEventLoop() async throws {
        let local = try await HostResolver.resolve("localhost", timeout: .seconds(5))
        #expect(local.contains { $0.description == "127.0.0.1" || $0.description == "::1" })
        let numeric = try await HostResolver.resolve("2130706433", timeout: .seconds(5))
        #expect(numeric.map(\.description) == ["127.0.0.1"])
        await #expect(throws: (any Error).self) {
            _ = try await HostResolver.resolve("no-such-host.invalid", timeout: .seconds(5))
        }
    }
}
