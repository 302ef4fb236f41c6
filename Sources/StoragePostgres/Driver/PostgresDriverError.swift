import Foundation
import PostgresNIO  // re-exports NIO (NIOCore, NIOPosix) and NIOSSL

/// Every error the PostgreSQL driver throws.
///
/// Server errors keep their SQLSTATE (`23505` unique violation, `42P01` no such table, …) so the
/// shared layer can react to a class of failure. Descriptions are built from the server's
/// message and from socket errors only: they never contain the password, the bound values or
/// the server's `DETAIL` line (which can quote row values such as API keys; it is kept in
/// `detail` for whoever decides to show it).
public struct PostgresDriverError: Error, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable {
        /// The server refused the statement; `sqlState` says why.
        case server
        /// The connection failed or broke (refused, reset, TLS, authentication before a query).
        case connection
        /// No answer, or no pool connection free, within the configured time.
        case timeout
        /// The driver was closed.
        case closed
        /// A result column of a type the driver does not map.
        case unsupportedType
        /// The caller's SQL or arguments are wrong before anything reaches the server
        /// (placeholder count, channel name).
        case usage
    }

    public let kind: Kind
    /// The five-character SQLSTATE, for `.server` errors (and authentication failures).
    public let sqlState: String?
    public let message: String
    /// The server's DETAIL line, if any. May contain row values: not part of `description`.
    public let detail: String?

    public init(kind: Kind, sqlState: String? = nil, message: String, detail: String? = nil) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
    }

    public var description: String {
        if let sqlState {
            return "PostgreSQL error \(sqlState): \(message)"
        }
        return "PostgreSQL \(kind.rawValue) error: \(message)"
    }

    /// Converts whatever postgres-nio or NIO threw into this type.
    static func wrap(_ error: any Error) -> PostgresDriverError {
        switch error {
        case let error as PostgresDriverError:
            return error
        case let error as PSQLError:
            return fromPSQL(error)
        case is CancellationError:
            return PostgresDriverError(kind: .closed, message: "the operation was cancelled")
        default:
            return PostgresDriverError(kind: .connection, message: PostgresFailureCause.describe(error))
        }
    }

    private static func fromPSQL(_ error: PSQLError) -> PostgresDriverError {
        if let info = error.serverInfo, let sqlState = info[.sqlState] {
            return PostgresDriverError(
                kind: .server,
                sqlState: sqlState,
                message: info[.message] ?? "server error",
                detail: info[.detail]
            )
        }
        switch error.code {
        case .poolClosed, .clientClosedConnection:
            return PostgresDriverError(kind: .closed, message: "the driver is closed")
        case .queryCancelled:
            return PostgresDriverError(kind: .closed, message: "the query was cancelled")
        default:
            return PostgresDriverError(kind: .connection, message: PostgresFailureCause.describe(error))
        }
    }
}

/// Short human causes for connection failures, shared by errors and the start-up check.
enum PostgresFailureCause {
    static func describe(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            if let info = psql.serverInfo, let message = info[.message] {
                return message
            }
            switch psql.code {
            case .sslUnsupported:
                return "the server does not offer TLS, but the configuration requires it"
            case .serverClosedConnection:
                return psql.underlying.map { "the server closed the connection (\(describe($0)))" }
                    ?? "the server closed the connection"
            case .unsupportedAuthMechanism:
                return "the server asks for an authentication method postgres-nio does not support"
            case .authMechanismRequiresPassword:
                return "the server asks for a password and none is configured"
            case .saslError:
                return "SCRAM authentication failed"
            default:
                if let underlying = psql.underlying {
                    return describe(underlying)
                }
                return "\(psql.code)"
            }
        }
        if let connectionError = error as? NIOConnectionError {
            if let failure = connectionError.connectionErrors.first {
                return describe(failure.error)
            }
            if connectionError.dnsAError != nil || connectionError.dnsAAAAError != nil {
                return "the host name could not be resolved"
            }
            return "could not connect"
        }
        if let ioError = error as? IOError {
            return describeErrno(ioError.errnoCode) ?? "\(ioError)"
        }
        if let channelError = error as? ChannelError, case .connectTimeout(let amount) = channelError {
            return "no answer within \(amount.nanoseconds / 1_000_000_000) s"
        }
        return String(describing: error)
    }

    private static func describeErrno(_ code: Int32) -> String? {
        switch code {
        case ECONNREFUSED: return "connection refused"
        case ETIMEDOUT: return "connection timed out"
        case EHOSTUNREACH: return "host unreachable"
        case ENETUNREACH: return "network unreachable"
        case ECONNRESET: return "connection reset by the server"
        case ENOENT: return "no such socket file"
        case EACCES: return "permission denied"
        default: return nil
        }
    }
}
