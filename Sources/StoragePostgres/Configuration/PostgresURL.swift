/// The parts of a `postgres://` or `postgresql://` URL, as libpq reads them:
/// `postgres://user:password@host:port/database?sslmode=require&sslrootcert=/ca.pem`.
///
/// User, password, host and database are percent-decoded, so a password holding `@`, `:` or
/// `/` is written `%40`, `%3A`, `%2F`. An IPv6 host is bracketed (`[::1]:5432`). A host that
/// starts with `/` (written `%2Fvar%2Frun%2Fpostgresql` or as `?host=/var/run/postgresql`) is a
/// folder holding the server's unix socket. Every part may be missing; the environment fills in.
struct PostgresURL: Equatable {
    var username: String?
    var password: String?
    var host: String?
    var port: Int?
    var database: String?
    var sslmode: String?
    var sslrootcert: String?
    var schema: String?
    /// Query parameters libpq knows but Gemgate ignores (`channel_binding`, `connect_timeout`, …).
    var ignoredParameters: [String] = []

    struct Problem: Error, Equatable {
        let reason: String
    }

    static let schemes = ["postgres://", "postgresql://"]

    /// No URL: every value comes from the `POSTGRES_*` variables.
    init() {}

    init(_ text: String) throws(Problem) {
        guard let scheme = Self.schemes.first(where: { text.lowercased().hasPrefix($0) }) else {
            throw Problem(reason: "it must start with postgres:// or postgresql://")
        }
        var rest = Substring(text.dropFirst(scheme.count))

        var queryText: Substring = ""
        if let question = rest.firstIndex(of: "?") {
            queryText = rest[rest.index(after: question)...]
            rest = rest[..<question]
        }
        var authority = rest
        var pathText: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            pathText = rest[rest.index(after: slash)...]
        }

        // userinfo@hostport; the last "@" separates them, so an unencoded "@" in a password
        // still works.
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                username = try Self.decode(userInfo[..<colon], part: "user name")
                password = try Self.decode(userInfo[userInfo.index(after: colon)...], part: "password")
            } else {
                username = try Self.decode(userInfo, part: "user name")
            }
        }
        try readHostAndPort(hostPort)

        if !pathText.isEmpty {
            database = try Self.decode(pathText, part: "database name")
        }
        try readQuery(queryText)

        username = username.flatMap { $0.isEmpty ? nil : $0 }
        host = host.flatMap { $0.isEmpty ? nil : $0 }
        database = database.flatMap { $0.isEmpty ? nil : $0 }
    }

    private mutating func readHostAndPort(_ text: Substring) throws(Problem) {
        guard !text.isEmpty else { return }
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw Problem(reason: "an IPv6 host must be closed with ]")
            }
            host = String(text[text.index(after: text.startIndex)..<close])
            let after = text[text.index(after: close)...]
            if after.hasPrefix(":") {
                portText = after.dropFirst()
            } else if !after.isEmpty {
                throw Problem(reason: "unexpected text after the IPv6 host")
            }
        } else if let colon = text.lastIndex(of: ":") {
            host = try Self.decode(text[..<colon], part: "host")
            portText = text[text.index(after: colon)...]
        } else {
            host = try Self.decode(text, part: "host")
        }
        if let portText, !portText.isEmpty {
            port = try Self.port(String(portText))
        }
    }

    private mutating func readQuery(_ text: Substring) throws(Problem) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let name: String
            let value: String
            if let equals = pair.firstIndex(of: "=") {
                name = try Self.decode(pair[..<equals], part: "parameter name")
                value = try Self.decode(pair[pair.index(after: equals)...], part: "parameter \(name)")
            } else {
                name = try Self.decode(pair, part: "parameter name")
                value = ""
            }
            switch name {
            case "sslmode": sslmode = value
            case "sslrootcert": sslrootcert = value
            case "host": host = value
            case "port": port = try Self.port(value)
            case "user": username = value
            case "password": password = value
            case "dbname": database = value
            case "search_path", "schema": schema = value
            default: ignoredParameters.append(name)
            }
        }
    }

    private static func port(_ text: String) throws(Problem) -> Int {
        guard let port = Int(text), (1...65535).contains(port) else {
            throw Problem(reason: "the port must be a number between 1 and 65535, not “\(text)”")
        }
        return port
    }

    /// Percent-decoding of UTF-8 bytes; `+` stays a plus (it is not a space in these parts).
    private static func decode(_ text: Substring, part: String) throws(Problem) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw Problem(reason: "the \(part) has a % that is not followed by two hex digits")
            }
            bytes.append(high << 4 | low)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw Problem(reason: "the \(part) is not valid UTF-8 once percent-decoded")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
