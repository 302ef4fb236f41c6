import Foundation

extension MySQLConfiguration {
    /// Reads `mysql://user:password@host:port/database` (also `mariadb://`). User and password
    /// are percent-decoded. Query options: `ssl=off|required|verify`, `ssl-ca=/path/ca.pem`,
    /// `socket=/path/mysqld.sock`, `pool=4`.
    public init(url text: String) throws(MySQLConfigurationError) {
        // Messages name the URL's part, never the URL itself: it holds the password.
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
            ["mysql", "mariadb"].contains(scheme)
        else {
            throw MySQLConfigurationError(
                variable: "URL", problem: "A MySQL URL must look like mysql://user:password@host:3306/database.")
        }
        var options: [String: String] = [:]
        for item in url.queryItems ?? [] {
            options[item.name.lowercased()] = item.value ?? ""
        }

        let socketPath = options["socket"].flatMap { $0.isEmpty ? nil : $0 }
        guard let host = url.host.flatMap({ $0.isEmpty ? nil : $0 }) ?? (socketPath == nil ? nil : "localhost") else {
            throw MySQLConfigurationError(variable: "URL host", problem: "The MySQL URL has no host (mysql://user:password@HOST:3306/database).")
        }
        guard let user = url.percentEncodedUser?.removingPercentEncoding, !user.isEmpty else {
            throw MySQLConfigurationError(variable: "URL user", problem: "The MySQL URL has no user (mysql://USER:password@host:3306/database).")
        }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else {
            throw MySQLConfigurationError(
                variable: "URL database", problem: "The MySQL URL names no database (mysql://user:password@host:3306/DATABASE).")
        }
        let password = url.percentEncodedPassword?.removingPercentEncoding ?? ""
        let port = url.port ?? 3306
        guard (1...65535).contains(port) else {
            throw MySQLConfigurationError(variable: "URL port", problem: "The MySQL URL's port must be between 1 and 65535.")
        }
        let tls = try Self.tlsMode(
            mode: options["ssl"].flatMap { $0.isEmpty ? nil : $0 },
            caFile: (options["ssl-ca"] ?? options["sslca"]).flatMap { $0.isEmpty ? nil : $0 },
            modeName: "URL option ssl", caName: "URL option ssl-ca")

        self.init(host: host, port: port, user: user, password: password, database: database, socketPath: socketPath, tls: tls)
        if let size = options["pool"] {
            poolSize = try Self.poolSize(size, name: "URL option pool")
        }
    }
}
