import CMariaDB

/// The `mysql_options` set on every connection before it connects.
///
/// Swift cannot call the variadic `mysql_optionsv`; `mysql_options` is its one-argument form in
/// Connector/C 3 (it forwards to `mysql_optionsv`), which is all these options need.
enum ConnectOptions {
    static func apply(_ configuration: MySQLConfiguration, to handle: UnsafeMutablePointer<MYSQL>) throws(MySQLError) {
        let endpoint = configuration.endpoint
        func set(_ option: mysql_option, _ value: UnsafeRawPointer?, _ name: String) throws(MySQLError) {
            guard mysql_options(handle, option, value) == 0 else {
                throw .driver("libmariadb rejected the option \(name).", operation: .connecting, endpoint: endpoint)
            }
        }
        func set(_ option: mysql_option, text: String, _ name: String) throws(MySQLError) {
            // libmariadb copies option strings, so the pointer need not outlive the call.
            let status = text.withCString { mysql_options(handle, option, $0) }
            guard status == 0 else {
                throw .driver("libmariadb rejected the option \(name).", operation: .connecting, endpoint: endpoint)
            }
        }

        // utf8mb4: four-byte characters (emoji) survive; `utf8` would be MySQL's three-byte utf8mb3.
        try set(MYSQL_SET_CHARSET_NAME, text: "utf8mb4", "charset utf8mb4")

        // The instances' shared clock is UNIX_TIMESTAMP(NOW(3)) (SQLDialect+Cluster), which goes
        // through the session's time zone: in a zone with daylight saving it jumps an hour, and
        // the repeated hour in autumn is ambiguous. UTC has neither. Nothing else depends on the
        // session zone: log and settings times go into DATETIME columns as text values that
        // Gemgate formats itself (no NOW() or CURRENT_TIMESTAMP), and DATETIME is not converted
        // between zones; Gemgate creates no TIMESTAMP column. Run on every connect.
        try set(MYSQL_INIT_COMMAND, text: "SET time_zone = '+00:00'", "session time zone UTC")

        var connectTimeout = seconds(configuration.connectTimeout)
        var readTimeout = seconds(configuration.readTimeout)
        var writeTimeout = seconds(configuration.writeTimeout)
        try set(MYSQL_OPT_CONNECT_TIMEOUT, &connectTimeout, "connect timeout")
        try set(MYSQL_OPT_READ_TIMEOUT, &readTimeout, "read timeout")
        try set(MYSQL_OPT_WRITE_TIMEOUT, &writeTimeout, "write timeout")

        var no: my_bool = 0
        try set(MYSQL_OPT_RECONNECT, &no, "reconnect off")

        // LOAD DATA LOCAL lets a server ask the client for any file it can read; Gemgate never
        // uses it, and a hosted server is not trusted with the container's files.
        var localInfile: UInt32 = 0
        try set(MYSQL_OPT_LOCAL_INFILE, &localInfile, "local infile off")

        // libmariadb reads host `localhost` as "its compiled-in unix socket". gemini-balance users
        // mean TCP by it, so without MYSQL_SOCKET the protocol is pinned to TCP.
        var transport = configuration.socketPath == nil ? MYSQL_PROTOCOL_TCP.rawValue : MYSQL_PROTOCOL_SOCKET.rawValue
        try set(MYSQL_OPT_PROTOCOL, &transport, "protocol")

        switch configuration.tls {
        case .off:
            break
        case .required:
            var yes: my_bool = 1
            try set(MYSQL_OPT_SSL_ENFORCE, &yes, "TLS required")
            try set(MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &no, "TLS without certificate check")
        case .verify(let caFile):
            var yes: my_bool = 1
            try set(MYSQL_OPT_SSL_ENFORCE, &yes, "TLS required")
            // Checks the chain and the host name. Without a CA file OpenSSL's default paths are used
            // (the system trust store), which is what hosted services' public certificates need.
            try set(MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &yes, "TLS certificate check")
            if let caFile {
                try set(MYSQL_OPT_SSL_CA, text: caFile, "TLS CA file")
            }
        }
    }

    /// libmariadb takes whole seconds; a fraction rounds up so that a short timeout is never zero
    /// (which would mean "no timeout").
    private static func seconds(_ duration: Duration) -> UInt32 {
        let (whole, fraction) = duration.components
        let rounded = whole + (fraction > 0 ? 1 : 0)
        return UInt32(clamping: max(1, rounded))
    }
}
