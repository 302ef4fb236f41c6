/// A failure reported by the server, by libmariadb or by the driver, with what was being done.
///
/// `code` is MySQL's error number: 1000–1999 and 3000+ come from the server (1062 duplicate key,
/// 1146 missing table), 2000–2999 from the client library (2006 server gone away, 2013 lost
/// connection), 0 from the driver itself. Messages never contain the password.
public struct MySQLError: Error, Sendable, Equatable {
    /// What the driver was doing when it failed.
    public enum Operation: String, Sendable {
        case connecting = "connecting"
        case pinging = "pinging"
        case preparing = "preparing"
        case binding = "binding values for"
        case executing = "executing"
        case fetching = "reading the result of"
        case transaction = "controlling a transaction with"
        /// The pool was closed or a transaction's connection was used after it ended.
        case usingDriver = "using the driver for"
    }

    public let operation: Operation
    public let code: Int
    /// The five-character SQLSTATE (`23000` for integrity violations, `HY000` when unspecified).
    public let sqlState: String
    public let message: String
    /// `host:port` or the socket path.
    public let endpoint: String
    /// The statement, shortened, when one was involved. It holds `?` placeholders, never values.
    public let statement: String?
    /// For `connecting`: what to fix, naming the variables.
    let connectionFacts: ConnectionFacts?

    init(
        operation: Operation, code: Int, sqlState: String, message: String, endpoint: String,
        statement: String? = nil, connectionFacts: ConnectionFacts? = nil
    ) {
        self.operation = operation
        self.code = code
        self.sqlState = sqlState.isEmpty ? "HY000" : sqlState
        self.message = message
        self.endpoint = endpoint
        self.statement = statement.map(Self.shorten)
        self.connectionFacts = connectionFacts
    }

    /// An error raised by the driver rather than the server or the library.
    static func driver(_ message: String, operation: Operation = .usingDriver, endpoint: String, statement: String? = nil) -> Self {
        Self(operation: operation, code: 0, sqlState: "HY000", message: message, endpoint: endpoint, statement: statement)
    }

    /// The server refused the row because it repeats a unique key.
    public var isDuplicateKey: Bool { code == MySQLErrorCode.duplicateEntry || code == MySQLErrorCode.duplicateEntryWithKeyName }
    public var isMissingTable: Bool { code == MySQLErrorCode.noSuchTable }
    public var isClientError: Bool { (2000..<3000).contains(code) }

    /// The connection is gone: the server closed it, it was killed, or the network failed.
    /// Such a connection is dropped and replaced.
    public var isConnectionLost: Bool { MySQLErrorCode.connectionLost.contains(code) }

    /// The connection can no longer be trusted, whatever its cause: dropped rather than reused.
    var leavesConnectionUnusable: Bool { isConnectionLost || MySQLErrorCode.protocolBroken.contains(code) }

    /// Whether the statement could have reached the server before the connection failed.
    /// Preparing a statement changes nothing, so a failure there leaves nothing half done.
    var statementMayHaveRun: Bool {
        switch operation {
        case .connecting, .pinging, .preparing, .binding, .usingDriver: false
        case .executing, .fetching, .transaction: true
        }
    }

    private static func shorten(_ sql: String) -> String {
        let oneLine = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return oneLine.count <= 160 ? oneLine : String(oneLine.prefix(159)) + "…"
    }
}

extension MySQLError {
    /// What a connection attempt was for, to name the variables that fix it.
    struct ConnectionFacts: Sendable, Equatable {
        var user: String
        var database: String
        var usesSocket: Bool
        var usesTLS: Bool
    }
}
