import Foundation

extension MySQLConfiguration {
    /// Reads gemini-balance's variables: `MYSQL_HOST`, `MYSQL_PORT` (3306), `MYSQL_USER`,
    /// `MYSQL_PASSWORD`, `MYSQL_DATABASE`, `MYSQL_SOCKET`; and Gemgate's own: `MYSQL_SSL`
    /// (`off`, `required`, `verify`), `MYSQL_SSL_CA` (a CA file for `verify`) and
    /// `MYSQL_POOL_SIZE` (4).
    ///
    /// `MYSQL_HOST=localhost` without `MYSQL_SOCKET` means TCP to this machine, as it does in
    /// gemini-balance (PyMySQL); libmariadb alone would read it as its default unix socket.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(MySQLConfigurationError) {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                return nil
            }
            return text
        }

        let socketPath = value("MYSQL_SOCKET")
        let host: String
        if let given = value("MYSQL_HOST") {
            host = given
        } else if socketPath != nil {
            host = "localhost"
        } else {
            throw .missing("MYSQL_HOST", example: "db.example.com")
        }
        guard let user = value("MYSQL_USER") else { throw .missing("MYSQL_USER", example: "gemgate") }
        guard let database = value("MYSQL_DATABASE") else { throw .missing("MYSQL_DATABASE", example: "gemgate") }

        var port = 3306
        if let text = value("MYSQL_PORT") {
            guard let number = Int(text), (1...65535).contains(number) else {
                throw MySQLConfigurationError(
                    variable: "MYSQL_PORT",
                    problem: "MYSQL_PORT must be a port number between 1 and 65535, not “\(text)”.")
            }
            port = number
        }

        let tls = try Self.tlsMode(mode: value("MYSQL_SSL"), caFile: value("MYSQL_SSL_CA"), modeName: "MYSQL_SSL", caName: "MYSQL_SSL_CA")

        // Passwords are taken exactly as given: spaces may be part of them.
        self.init(
            host: host, port: port, user: user, password: environment["MYSQL_PASSWORD"] ?? "",
            database: database, socketPath: socketPath, tls: tls)

        if let text = value("MYSQL_POOL_SIZE") {
            poolSize = try Self.poolSize(text, name: "MYSQL_POOL_SIZE")
        }
    }

    /// Combines the TLS mode and CA file settings. A CA file on its own means `verify`.
    static func tlsMode(mode: String?, caFile: String?, modeName: String, caName: String) throws(MySQLConfigurationError) -> MySQLTLSMode {
        let kind: MySQLTLSMode.Kind
        if let mode {
            guard let parsed = MySQLTLSMode.parse(mode) else {
                throw MySQLConfigurationError(
                    variable: modeName,
                    problem: "\(modeName) must be off, required or verify, not “\(mode)”.")
            }
            kind = parsed
        } else {
            kind = caFile == nil ? .off : .verify
        }
        if let caFile {
            guard kind == .verify else {
                throw MySQLConfigurationError(
                    variable: caName,
                    problem: "\(caName) is set but \(modeName) is \(mode ?? "off"); set \(modeName)=verify to check the server's certificate against it, or remove \(caName).")
            }
            guard FileManager.default.isReadableFile(atPath: caFile) else {
                throw MySQLConfigurationError(
                    variable: caName,
                    problem: "\(caName) names “\(caFile)”, which is not a readable file; give the path of the CA certificate (PEM).")
            }
        }
        switch kind {
        case .off: return .off
        case .required: return .required
        case .verify: return .verify(caFile: caFile)
        }
    }

    static func poolSize(_ text: String, name: String) throws(MySQLConfigurationError) -> Int {
        guard let size = Int(text), (1...64).contains(size) else {
            throw MySQLConfigurationError(
                variable: name, problem: "\(name) must be a number of connections between 1 and 64, not “\(text)”.")
        }
        return size
    }
}
