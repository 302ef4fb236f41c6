/// Where and how to reach a MySQL or MariaDB server, and how many connections to keep.
///
/// Read it from gemini-balance's variables with `init(environment:)`, or from a
/// `mysql://user:password@host:port/database` URL with `init(url:)`. Printing it never shows the
/// password.
public struct MySQLConfiguration: Sendable, Equatable {
    /// The host name or address. With a socket it only names the server in messages.
    public var host: String
    public var port: Int
    public var user: String
    public var password: String
    public var database: String
    /// A unix socket path. When set the connection uses it instead of TCP.
    public var socketPath: String?
    public var tls: MySQLTLSMode

    /// The most connections open at once; also the number of threads that run their calls.
    public var poolSize: Int = 4
    public var connectTimeout: Duration = .seconds(10)
    /// How long one read or write on the socket may wait. The gateway's statements are short, so
    /// a stalled server is noticed instead of holding a connection forever.
    public var readTimeout: Duration = .seconds(30)
    /// The read timeout of schema migrations at start-up (`withLongStatements`): an ALTER TABLE
    /// waits for every query still using its table, and another instance may hold the migration
    /// lock for its own migration (up to 120 s).
    public var migrationReadTimeout: Duration = .seconds(600)
    public var writeTimeout: Duration = .seconds(30)
    /// A connection idle longer than this is pinged before it is handed out, so one the server
    /// closed (`wait_timeout`, a restart, a proxy's idle limit) is replaced before a statement fails.
    public var pingAfterIdle: Duration = .seconds(30)
    /// A connection idle longer than this is closed and replaced rather than reused
    /// (gemini-balance's `pool_recycle=1800`).
    public var recycleAfterIdle: Duration = .seconds(1800)

    public init(
        host: String,
        port: Int = 3306,
        user: String,
        password: String,
        database: String,
        socketPath: String? = nil,
        tls: MySQLTLSMode = .off
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.socketPath = socketPath
        self.tls = tls
    }

    /// Where the server is, as a person would write it: `host:port` or the socket path.
    public var endpoint: String {
        if let socketPath { return socketPath }
        return "\(host):\(port)"
    }
}

extension MySQLConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// For the start-up banner: `mysql gemgate@db.example.com:3306/gemgate (TLS)`; no password.
    public var description: String { "mysql " + location }

    /// Where the data is, as a person recognises it: `gemgate@db.example.com:3306/gemgate`,
    /// `gemgate@gemgate via socket /run/mysqld/mysqld.sock`, with `(TLS)` when encrypted.
    public var location: String {
        var text = "\(user)@"
        if let socketPath {
            text += "\(database) via socket \(socketPath)"
        } else {
            text += "\(host):\(port)/\(database)"
        }
        switch tls {
        case .off: break
        case .required: text += " (TLS)"
        case .verify: text += " (TLS, certificate verified)"
        }
        return text
    }

    public var debugDescription: String { description }

    /// `dump()` and debuggers show the fields, but never the password.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "host": host, "port": port, "user": user, "password": password.isEmpty ? "" : "<hidden>",
            "database": database, "socketPath": socketPath as Any, "tls": tls, "poolSize": poolSize,
        ])
    }
}
