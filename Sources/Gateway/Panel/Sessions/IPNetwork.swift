import Foundation

/// An address range written as an IP (`10.0.0.1`) or in CIDR form (`10.0.0.0/8`, `fd00::/8`),
/// for `TRUSTED_PROXIES`.
struct IPNetwork: Sendable, Equatable {
    let base: [UInt8]
    let prefixLength: Int

    init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", maxSplits: 1)
        guard let first = parts.first, let address = IPAddress(text: String(first)) else { return nil }
        let normalized = IPNetwork.normalized(address.bytes)
        let maxBits = normalized.count * 8
        // An IPv4-mapped IPv6 prefix (::ffff:10.0.0.0/104) counts its bits from the IPv4 part.
        let mappedOffset = address.bytes.count == 16 && normalized.count == 4 ? 96 : 0
        if parts.count == 2 {
            guard let bits = Int(parts[1]), bits >= mappedOffset, bits - mappedOffset <= maxBits else { return nil }
            prefixLength = bits - mappedOffset
        } else {
            prefixLength = maxBits
        }
        base = normalized
    }

    func contains(_ address: IPAddress) -> Bool {
        let bytes = IPNetwork.normalized(address.bytes)
        guard bytes.count == base.count else { return false }
        var remaining = prefixLength
        for index in 0..<bytes.count where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if bytes[index] & mask != base[index] & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// IPv4-mapped IPv6 (`::ffff:1.2.3.4`, how a dual-stack socket reports IPv4 peers) as IPv4.
    static func normalized(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            return Array(bytes[12..<16])
        }
        return bytes
    }
}
