import Foundation
import Gateway

extension PostgresConfiguration {
    /// Reads the configuration for `DATABASE_TYPE=postgres`.
    ///
    /// `DATABASE_URL` (`postgres://user:pass@host:port/db?sslmode=…`, or `postgresql://`) gives
    /// what it contains; the `POSTGRES_*` variables fill what it leaves out (a URL without a
    /// password plus `POSTGRES_PASSWORD` from a secret store is a common setup):
    ///
    /// | variable | default |
    /// |---|---|
    /// | `POSTGRES_HOST` | required (a path starting with `/` is a unix-socket folder) |
    /// | `POSTGRES_PORT` | 5432 |
    /// | `POSTGRES_USER` | required |
    /// | `POSTGRES_PASSWORD` | none |
    /// | `POSTGRES_DATABASE` | required |
    /// | `POSTGRES_SSLMODE` | `prefer` (`disable`, `require`, `verify-ca`, `verify-full`) |
    /// | `POSTGRES_SSL_CA` | the system CA store (for `verify-*`) |
    /// | `POSTGRES_SCHEMA` | the server's `search_path` |
    /// | `POSTGRES_POOL_SIZE` | 8 |
    /// | `POSTGRES_CONNECT_TIMEOUT` | 10 (seconds) |
    ///
    /// Empty values count as unset. A missing or malformed value is a `LaunchProblem` that
    /// names the variable and never repeats a password.
    public static func fromEnvironment(_ variables: [String: String]) throws(LaunchProblem) -> PostgresConfiguration {
        func value(_ name: String) -> String? {
            guard let text = variables[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                return nil
            }
            return text
        }

        var url = PostgresURL()
        if let urlText = value("DATABASE_URL") {
            do {
                url = try PostgresURL(urlText)
            } catch {
                throw LaunchProblem(
                    "DATABASE_URL is not a usable PostgreSQL URL: \(error.reason).",
                    fix: "Write it as postgres://USER:PASSWORD@HOST:5432/DATABASE?sslmode=require, "
                        + "percent-encoding special characters in the password (@ is %40).")
            }
        }

        guard let host = url.host ?? value("POSTGRES_HOST") else {
            throw missing("host", url: "postgres://…@HOST:5432/…", variable: "POSTGRES_HOST")
        }
        guard let username = url.username ?? value("POSTGRES_USER") else {
            throw missing("user name", url: "postgres://USER@…", variable: "POSTGRES_USER")
        }
        guard let database = url.database ?? value("POSTGRES_DATABASE") else {
            throw missing("database name", url: "postgres://…:5432/DATABASE", variable: "POSTGRES_DATABASE")
        }
        // Not trimmed: a password is taken exactly as given.
        let password = url.password ?? variables["POSTGRES_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }

        var port = 5432
        if let urlPort = url.port {
            port = urlPort
        } else if let portText = value("POSTGRES_PORT") {
            port = try integer(portText, variable: "POSTGRES_PORT", range: 1...65535)
        }

        var tlsMode = PostgresTLSMode.prefer
        if let sslmode = url.sslmode ?? value("POSTGRES_SSLMODE") {
            guard let mode = PostgresTLSMode(sslmode: sslmode) else {
                throw LaunchProblem(
                    "The PostgreSQL sslmode “\(sslmode)” is not known (from \(url.sslmode != nil ? "DATABASE_URL" : "POSTGRES_SSLMODE")).",
                    fix: "Use disable, prefer, require, verify-ca or verify-full.")
            }
            tlsMode = mode
        }

        let caFile = url.sslrootcert ?? value("POSTGRES_SSL_CA")
        if let caFile, tlsMode == .verifyCA || tlsMode == .verifyFull,
            !FileManager.default.isReadableFile(atPath: caFile)
        {
            throw LaunchProblem(
                "The PostgreSQL CA certificate file \(caFile) cannot be read (POSTGRES_SSL_CA or sslrootcert).",
                fix: "Point it at a readable PEM file, or leave it unset to use the system CA store.")
        }

        let endpoint: Endpoint =
            host.hasPrefix("/")
            ? .unixSocket(path: host + (host.hasSuffix("/") ? "" : "/") + ".s.PGSQL.\(port)")
            : .tcp(host: host, port: port)

        var configuration = PostgresConfiguration(
            endpoint: endpoint,
            username: username,
            password: password,
            database: database,
            tlsMode: tlsMode,
            caCertificateFile: caFile,
            schema: url.schema ?? value("POSTGRES_SCHEMA")
        )
        if let poolText = value("POSTGRES_POOL_SIZE") {
            configuration.poolSize = try integer(poolText, variable: "POSTGRES_POOL_SIZE", range: 1...200)
        }
        if let timeoutText = value("POSTGRES_CONNECT_TIMEOUT") {
            configuration.connectTimeout = .seconds(try integer(timeoutText, variable: "POSTGRES_CONNECT_TIMEOUT", range: 1...600))
        }
        configuration.ignoredURLParameters = url.ignoredParameters
        return configuration
    }

    private static func missing(_ what: String, url: String, variable: String) -> LaunchProblem {
        LaunchProblem(
            "DATABASE_TYPE=postgres needs the PostgreSQL \(what), and neither DATABASE_URL nor \(variable) gives it.",
            fix: "Set \(variable), or DATABASE_URL like \(url).")
    }

    private static func integer(_ text: String, variable: String, range: ClosedRange<Int>) throws(LaunchProblem) -> Int {
        guard let number = Int(text), range.contains(number) else {
            throw LaunchProblem(
                "\(variable) must be a number between \(range.lowerBound) and \(range.upperBound), not “\(text)”.",
                fix: "Correct \(variable) or remove it to use the default.")
        }
        return number
    }
}
