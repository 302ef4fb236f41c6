import HTTPTypes
import NIOCore
@testable import Gateway
import Testing

@Suite struct ClientAddressTests {
    static func resolve(peer: String, _ headers: [(String, String)], trusted: [String]) throws -> ClientAddress {
        var fields = HTTPFields()
        for (name, value) in headers { fields.append(HTTPField(name: HTTPField.Name(name)!, value: value)) }
        return ClientAddress.resolve(
            peer: try SocketAddress(ipAddress: peer, port: 40_000), headers: fields, trustedProxies: trusted)
    }

    @Test func anUntrustedPeerIsTheClientWhateverItsHeadersSay() throws {
        let headers = [("X-Forwarded-For", "1.2.3.4"), ("CF-Connecting-IP", "5.6.7.8"), ("X-Forwarded-Proto", "https")]
        let client = try Self.resolve(peer: "203.0.113.9", headers, trusted: ["10.0.0.0/8"])
        #expect(client == ClientAddress(address: "203.0.113.9", isHTTPS: false))
        #expect(try Self.resolve(peer: "203.0.113.9", headers, trusted: []).address == "203.0.113.9")
    }

    /// nginx passes a client's own `CF-Connecting-IP` through untouched but appends the address it
    /// saw to `X-Forwarded-For`, so that list decides; Cloudflare sets both, to the same address.
    @Test func aTrustedProxysForwardedForWinsOverCloudflaresHeader() throws {
        let client = try Self.resolve(
            peer: "10.1.2.3", [("X-Forwarded-For", "9.9.9.9"), ("CF-Connecting-IP", "5.6.7.8"), ("X-Forwarded-Proto", "https")],
            trusted: ["10.0.0.0/8"])
        #expect(client == ClientAddress(address: "9.9.9.9", isHTTPS: true))
        let forged = try Self.resolve(
            peer: "127.0.0.1", [("X-Forwarded-For", "198.51.100.7"), ("CF-Connecting-IP", "203.0.113.99")], trusted: ["127.0.0.1"])
        #expect(forged.address == "198.51.100.7")
    }

    @Test func cloudflaresHeaderIsUsedOnlyWithoutForwardedFor() throws {
        let client = try Self.resolve(peer: "10.1.2.3", [("CF-Connecting-IP", "5.6.7.8")], trusted: ["10.0.0.0/8"])
        #expect(client.address == "5.6.7.8")
        let garbage = try Self.resolve(peer: "10.1.2.3", [("CF-Connecting-IP", "not an address")], trusted: ["10.0.0.0/8"])
        #expect(garbage.address == "10.1.2.3")
    }

    @Test func theRightMostUntrustedForwardedAddressIsTheClient() throws {
        // The client forged 6.6.6.6; the proxies appended what they saw.
        let client = try Self.resolve(
            peer: "10.0.0.2", [("X-Forwarded-For", "6.6.6.6, 198.51.100.7:51234, 10.0.0.1")], trusted: ["10.0.0.0/8"])
        #expect(client.address == "198.51.100.7")
        let allTrusted = try Self.resolve(peer: "10.0.0.2", [("X-Forwarded-For", "10.0.0.5, 10.0.0.1")], trusted: ["10.0.0.0/8"])
        #expect(allTrusted.address == "10.0.0.5")
    }

    @Test func networksMatchIPv4IPv6AndMappedAddresses() throws {
        let v4 = try #require(IPNetwork("192.168.0.0/16"))
        #expect(v4.contains(try #require(IPAddress(text: "192.168.44.1"))))
        #expect(!v4.contains(try #require(IPAddress(text: "192.169.0.1"))))
        #expect(v4.contains(try #require(IPAddress(text: "::ffff:192.168.1.1"))))
        let single = try #require(IPNetwork("127.0.0.1"))
        #expect(single.contains(try #require(IPAddress(text: "127.0.0.1"))))
        #expect(!single.contains(try #require(IPAddress(text: "127.0.0.2"))))
        let v6 = try #require(IPNetwork("fd00::/8"))
        #expect(v6.contains(try #require(IPAddress(text: "fd12:3456::1"))))
        #expect(!v6.contains(try #require(IPAddress(text: "fe80::1"))))
        #expect(IPNetwork("not-an-ip") == nil)
        #expect(IPNetwork("10.0.0.0/33") == nil)
        #expect(try Self.resolve(peer: "::ffff:10.0.0.9", [("X-Forwarded-For", "7.7.7.7")], trusted: ["10.0.0.0/8"]).address == "7.7.7.7")
    }
}
