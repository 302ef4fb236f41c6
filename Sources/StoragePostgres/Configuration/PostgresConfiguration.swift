/// Where and how to reach PostgreSQL. Built from the environment by
/// `PostgresConfiguration.fromEnvironment(_:)`, or directly (tests).
///
/// The password is kept here only to connect: `description` and every error leave it out.
public struct PostgresConfiguration: Sendable, CustomStringConvertible {
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The full path of the socket file, e.g. `/var/run/postgresql/.s.PGSQL.5432`.
        case unixSocket(path: String)
    }

    public var endpoint: Endpoint
    public var username: String
    public var password: String?
    public var database: String
    public var tlsMode: PostgresTLSMode
    /// A PEM file of trusted CA certificates for `verify-ca`/`verify-full`; nil: the system store.
    public var caCertificateFile: String?
    /// Sets `search_path` on every connection, so a shared database can hold several Gemgate
    /// schemas (and each test can have its own). Nil: the server's default (`"$user", public`).
    public var schema: String?
    /// Most connections the pool opens. Keep it small: several instances share one server,
    /// whose default `max_connections` is 100.
    public var poolSize: Int = 8
    /// Time to open one TCP connection (and TLS) before giving up.
    public var connectTimeout: Duration = .seconds(10)
    /// Longest wait for a free pool connection. The pool retries a lost server forever; this
    /// bounds how long a request waits for it, so storage calls fail instead of hanging.
    public var connectionWaitTimeout: Duration = .seconds(15)
    /// Shown in `pg_stat_activity`, to tell Gemgate's sessions apart.
    public var applicationName: String = "gemgate"
    /// `DATABASE_URL` query parameters that were not understood (e.g. `channel_binding`), for a
    /// start-up warning.
    public var ignoredURLParameters: [String] = []

    public init(
        endpoint: Endpoint,
        username: String,
        password: String?,
        database: String,
        tlsMode: PostgresTLSMode = .prefer,
        caCertificateFile: String? = nil,
        schema: String? = nil
    ) {
        self.endpoint = endpoint
        self.username = username
        self.password = password
        self.database = database
        self.tlsMode = tlsMode
        self.caCertificateFile = caCertificateFile
        self.schema = schema
    }

    /// `host:port`, or the socket path: for messages.
    public var address: String {
        switch endpoint {
        case .tcp(let host, let port):
            return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .unixSocket(let path):
            return path
        }
    }

    /// For the start-up banner: `postgres gemgate@127.0.0.1:5433/gemgate (no TLS)`.
    public var description: String {
        "postgres " + location
    }

    /// `gemgate@127.0.0.1:5433/gemgate (no TLS)`: the storage summary's location.
    public var location: String {
        var text = "\(username)@\(address)/\(database)"
        if let schema {
            text += " schema \(schema)"
        }
        switch endpoint {
        case .tcp:
            text += " (\(tlsMode.summary))"
        case .unixSocket:
            text += " (unix socket)"
        }
        return text
    }
}
