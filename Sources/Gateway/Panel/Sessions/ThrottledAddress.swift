/// What the login throttle counts a failure against: an IPv4 address as it is, an IPv6 address
/// by its /64 (`2001:db8:1:2::/64`). A home line or a server is usually given a whole /64 and can
/// use any address in it, so counting single IPv6 addresses would give each try a fresh count.
///
/// The text stays short (at most 43 characters) and, for IPv4, as it was before, so counts kept
/// in a shared database keep their keys.
enum ThrottledAddress {
    static func of(_ address: String) -> String {
        guard let parsed = IPAddress(text: address) else { return address.lowercased() }
        let bytes = IPNetwork.normalized(parsed.bytes)
        guard bytes.count == 16, let network = IPAddress(bytes: Array(bytes.prefix(8)) + Array(repeating: 0, count: 8)) else {
            return IPAddress(bytes: bytes)?.description ?? address.lowercased()
        }
        return network.description + "/64"
    }
}
