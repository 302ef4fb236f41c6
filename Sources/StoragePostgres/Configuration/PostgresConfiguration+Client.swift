import Foundation
import PostgresNIO

/// Translates a `PostgresConfiguration` into postgres-nio's two configuration types: the pooled
/// client's (queries) and a single connection's (the start-up check and LISTEN sessions).
extension PostgresConfiguration {
    /// Sent in the start-up packet of every connection:
    /// - `TimeZone=UTC`, so `timestamptz` values, `now()` and text without an offset mean UTC on
    ///   every server, whatever its `postgresql.conf` says;
    /// - `application_name`, to find Gemgate's sessions in `pg_stat_activity`;
    /// - `search_path` when a schema is configured (quoted: the name is taken literally).
    var startupParameters: [(String, String)] {
        var parameters = [("TimeZone", "UTC"), ("application_name", applicationName)]
        if let schema {
            parameters.append(("search_path", "\"" + schema.replacingOccurrences(of: "\"", with: "\"\"") + "\""))
        }
        return parameters
    }

    func makeClientConfiguration() -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS
        switch (tlsMode, tlsMode.tlsConfiguration(caCertificateFile: caCertificateFile)) {
        case (.prefer, let configuration?):
            tls = .prefer(configuration)
        case (_, let configuration?):
            tls = .require(configuration)
        case (_, nil):
            tls = .disable
        }

        var configuration: PostgresClient.Configuration
        switch endpoint {
        case .tcp(let host, let port):
            configuration = PostgresClient.Configuration(
                host: host, port: port, username: username, password: password, database: database, tls: tls)
        case .unixSocket(let path):
            configuration = PostgresClient.Configuration(
                unixSocketPath: path, username: username, password: password, database: database)
        }
        configuration.options.connectTimeout = connectTimeout
        configuration.options.maximumConnections = poolSize
        // One warm connection spares the first request after a quiet spell the connect and
        // authentication round trips; the keep-alive query also notices a dead server early.
        configuration.options.minimumConnections = min(1, poolSize - 1)
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    /// Throws when the TLS setup cannot be built (an unreadable or invalid CA file).
    func makeConnectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        if let tlsConfiguration = tlsMode.tlsConfiguration(caCertificateFile: caCertificateFile) {
            let context = try NIOSSLContext(configuration: tlsConfiguration)
            tls = tlsMode == .prefer ? .prefer(context) : .require(context)
        } else {
            tls = .disable
        }

        var configuration: PostgresConnection.Configuration
        switch endpoint {
        case .tcp(let host, let port):
            configuration = PostgresConnection.Configuration(
                host: host, port: port, username: username, password: password, database: database, tls: tls)
        case .unixSocket(let path):
            configuration = PostgresConnection.Configuration(
                unixSocketPath: path, username: username, password: password, database: database)
        }
        let (seconds, attoseconds) = connectTimeout.components
        configuration.options.connectTimeout = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }
}
