import CMariaDB

/// One libmariadb connection (`MYSQL*`) and the blocking calls made on it.
///
/// Not thread-safe, like the handle it owns: it must be used by one thread at a time, which
/// `PooledConnection`'s lock guarantees. Every method blocks, so it runs on the driver's threads.
/// Auto-reconnect stays off: a silent reconnect would invalidate prepared statements and session
/// state; the pool replaces a lost connection instead.
final class NativeConnection {
    private var handle: UnsafeMutablePointer<MYSQL>?
    /// `host:port` or the socket path, for messages.
    let endpoint: String
    /// The server's id for this connection (`CONNECTION_ID()`), for logs.
    let serverThreadID: UInt
    let serverVersion: String

    private init(handle: UnsafeMutablePointer<MYSQL>, endpoint: String) {
        self.handle = handle
        self.endpoint = endpoint
        serverThreadID = mysql_thread_id(handle)
        serverVersion = mysql_get_server_info(handle).map { String(cString: $0) } ?? ""
    }

    deinit { close() }

    /// Connects, or throws an error that names what to check.
    static func open(_ configuration: MySQLConfiguration) throws(MySQLError) -> NativeConnection {
        let endpoint = configuration.endpoint
        guard let handle = mysql_init(nil) else {
            throw .driver("libmariadb could not allocate a connection (out of memory).", operation: .connecting, endpoint: endpoint)
        }
        do {
            try ConnectOptions.apply(configuration, to: handle)
        } catch {
            mysql_close(handle)
            throw error
        }

        // FOUND_ROWS: an UPDATE reports the rows it matched, not only those it changed, as SQLite
        // and PostgreSQL do (and as SQLAlchemy asks for in gemini-balance).
        // MULTI_RESULTS: required by statements that may return several results (CALL).
        let flags = UInt(CLIENT_MULTI_RESULTS) | UInt(CLIENT_FOUND_ROWS)
        // With a socket the host is left out; otherwise the protocol is forced to TCP (see
        // ConnectOptions), so `localhost` is a TCP address here, not libmariadb's default socket.
        let host: String? = configuration.socketPath == nil ? configuration.host : nil
        let connected = mysql_real_connect(
            handle, host, configuration.user, configuration.password, configuration.database,
            UInt32(configuration.port), configuration.socketPath, flags)
        guard connected != nil else {
            var error = MySQLError.from(handle, operation: .connecting, endpoint: endpoint)
            error = error.withConnectionFacts(
                .init(
                    user: configuration.user, database: configuration.database,
                    usesSocket: configuration.socketPath != nil, usesTLS: configuration.tls != .off),
                hiding: configuration.password)
            mysql_close(handle)
            throw error
        }
        return NativeConnection(handle: handle, endpoint: endpoint)
    }

    /// The open handle, or an error if this connection was closed.
    func liveHandle(for statement: String?) throws(MySQLError) -> UnsafeMutablePointer<MYSQL> {
        guard let handle else {
            throw .driver("The connection was already closed.", endpoint: endpoint, statement: statement)
        }
        return handle
    }

    /// Asks the server whether the connection still works (one round trip).
    func ping() -> Bool {
        guard let handle else { return false }
        return mysql_ping(handle) == 0
    }

    /// The TLS cipher in use, or nil for a plain connection.
    var tlsCipher: String? {
        guard let handle, let cipher = mysql_get_ssl_cipher(handle) else { return nil }
        return String(cString: cipher)
    }

    /// Says goodbye to the server (`COM_QUIT`) and frees the handle. Safe to call twice.
    func close() {
        guard let handle else { return }
        self.handle = nil
        mysql_close(handle)
    }
}
