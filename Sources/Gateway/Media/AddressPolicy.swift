/// Which addresses Gemgate refuses to fetch media from: everything that is not the public
/// internet. A client could otherwise make the gateway read its own admin panel, a cloud
/// metadata service (169.254.169.254) or a neighbour on the private network, and get the answer
/// back through Gemini (server-side request forgery).
enum AddressPolicy {
    /// Why `address` may not be fetched, or nil when it is a public address.
    static func refusal(for address: IPAddress) -> String? {
        address.isIPv4 ? refusal(v4: address.bytes) : refusal(v6: address.bytes)
    }

    private static func refusal(v4 b: [UInt8]) -> String? {
        switch (b[0], b[1], b[2]) {
        case (0, _, _): return "an unspecified (0.0.0.0/8) address"
        case (10, _, _): return "a private (10.0.0.0/8) address"
        case (100, 64...127, _): return "a shared carrier-grade NAT (100.64.0.0/10) address"
        case (127, _, _): return "a loopback (127.0.0.0/8) address"
        case (169, 254, _): return "a link-local (169.254.0.0/16) address"
        case (172, 16...31, _): return "a private (172.16.0.0/12) address"
        case (192, 0, 0): return "an IETF protocol (192.0.0.0/24) address"
        case (192, 0, 2), (198, 51, 100), (203, 0, 113): return "a documentation address"
        case (192, 168, _): return "a private (192.168.0.0/16) address"
        case (198, 18...19, _): return "a benchmarking (198.18.0.0/15) address"
        case (224...239, _, _): return "a multicast address"
        case (240...255, _, _): return "a reserved or broadcast address"
        default: return nil
        }
    }

    private static func refusal(v6 b: [UInt8]) -> String? {
        let allZeroPrefix = b[0..<10].allSatisfy { $0 == 0 }
        if b.allSatisfy({ $0 == 0 }) { return "the unspecified address (::)" }
        if allZeroPrefix, b[10] == 0, b[11] == 0, b[12..<15].allSatisfy({ $0 == 0 }), b[15] == 1 {
            return "the loopback address (::1)"
        }
        // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d) forms reach
        // the embedded IPv4 address: judge that one.
        if allZeroPrefix, (b[10] == 0xFF && b[11] == 0xFF) || (b[10] == 0 && b[11] == 0) {
            return refusal(v4: Array(b[12..<16])).map { "\($0) in IPv6 form" }
        }
        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) also carry an IPv4 address.
        if b[0] == 0x00, b[1] == 0x64, b[2] == 0xFF, b[3] == 0x9B, b[4..<12].allSatisfy({ $0 == 0 }) {
            return refusal(v4: Array(b[12..<16])).map { "\($0) behind NAT64" }
        }
        // Local-use NAT64 (64:ff9b:1::/48, RFC 8215): a network's own translator, which may sit
        // in front of any IPv4 address, private ones included; where the IPv4 address sits
        // depends on the prefix length the network chose, so the whole range is refused.
        if b[0] == 0x00, b[1] == 0x64, b[2] == 0xFF, b[3] == 0x9B, b[4] == 0x00, b[5] == 0x01 {
            return "a local-use NAT64 (64:ff9b:1::/48) address"
        }
        if b[0] == 0x20, b[1] == 0x02 {
            return refusal(v4: Array(b[2..<6])).map { "\($0) behind 6to4" }
        }
        if b[0] == 0x20, b[1] == 0x01, b[2] == 0x00, b[3] == 0x00 {
            return "a Teredo tunnel address (2001::/32), whose IPv4 end cannot be checked"
        }
        if b[0] == 0x20, b[1] == 0x01, b[2] == 0x0D, b[3] == 0xB8 { return "a documentation (2001:db8::/32) address" }
        if b[0] == 0x01, b[1] == 0x00, b[2..<8].allSatisfy({ $0 == 0 }) { return "a discard (100::/64) address" }
        if b[0] & 0xFE == 0xFC { return "a unique local (fc00::/7) address" }
        if b[0] == 0xFE, b[1] & 0xC0 == 0x80 { return "a link-local (fe80::/10) address" }
        if b[0] == 0xFE, b[1] & 0xC0 == 0xC0 { return "a site-local (fec0::/10) address" }
        if b[0] == 0xFF { return "a multicast (ff00::/8) address" }
        return nil
    }
}
