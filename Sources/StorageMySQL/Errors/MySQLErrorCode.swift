/// The error numbers the driver reacts to. Client numbers are from libmariadb's errmsg.h,
/// server numbers from MariaDB's and MySQL's error lists.
enum MySQLErrorCode {
    // Server
    static let tooManyConnections = 1040
    static let databaseAccessDenied = 1044
    static let accessDenied = 1045
    static let unknownDatabase = 1049
    static let serverShutdown = 1053
    static let duplicateEntry = 1062
    static let hostBlocked = 1129
    static let hostNotAllowed = 1130
    static let noSuchTable = 1146
    static let notSupportedInPreparedStatements = 1295
    static let duplicateEntryWithKeyName = 1586
    /// MariaDB: the connection was killed while it ran a statement.
    static let connectionKilled = 1927
    /// MySQL 8.0.24+: the server closed an idle connection (wait_timeout) and said so.
    static let clientInteractionTimeout = 4031
    /// Values the server refused: ER_TRUNCATED_WRONG_VALUE (1292), ER_WARN_DATA_OUT_OF_RANGE
    /// (1264), ER_TRUNCATED_WRONG_VALUE_FOR_FIELD (1366, an invalid string; `HY000` on MySQL),
    /// ER_DATA_TOO_LONG (1406), ER_INVALID_JSON_TEXT (3140, MySQL 8's JSON column),
    /// ER_CONSTRAINT_FAILED (4025, MariaDB's CHECK, e.g. `json_valid`).
    static let refusedValues: Set<Int> = [1264, 1292, 1366, 1406, 3140, 4025]

    // Client (errmsg.h)
    static let localSocketFailed = 2002  // CR_CONNECTION_ERROR
    static let hostConnectFailed = 2003  // CR_CONN_HOST_ERROR
    static let unknownHost = 2005  // CR_UNKNOWN_HOST
    static let serverGoneAway = 2006  // CR_SERVER_GONE_ERROR
    static let commandsOutOfSync = 2014  // CR_COMMANDS_OUT_OF_SYNC
    static let serverLost = 2013  // CR_SERVER_LOST
    static let tlsConnectionFailed = 2026  // CR_SSL_CONNECTION_ERROR
    static let malformedPacket = 2027  // CR_MALFORMED_PACKET
    static let authPluginNotLoaded = 2059  // CR_AUTH_PLUGIN_CANNOT_LOAD
    static let serverLostExtended = 2055  // CR_SERVER_LOST_EXTENDED

    /// The connection is gone; a fresh one may succeed.
    static let connectionLost: Set<Int> = [
        serverGoneAway, serverLost, serverLostExtended, connectionKilled, clientInteractionTimeout, serverShutdown,
    ]

    /// The connection's protocol state is no longer known; it must not be reused.
    static let protocolBroken: Set<Int> = [commandsOutOfSync, malformedPacket]

    /// Connecting failed before any conversation with the server: the address, port, socket,
    /// network or firewall is wrong.
    static let unreachable: Set<Int> = [
        localSocketFailed, hostConnectFailed, unknownHost, serverGoneAway, serverLost, serverLostExtended,
        hostBlocked, hostNotAllowed,
    ]
}
