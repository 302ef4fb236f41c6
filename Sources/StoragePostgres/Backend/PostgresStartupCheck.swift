import Gateway
import Logging
import PostgresNIO

/// Connects once and runs `SELECT 1` before the pool starts, so a wrong address, password or
/// database stops the launch with one line that says what failed and what to check, instead
/// of the pool retrying in the background while requests wait.
///
/// A plain connection, not the pool: the pool keeps retrying and hides the cause, while a
/// single connection attempt reports it (refused, timed out, authentication, TLS, …).
enum PostgresStartupCheck {
    static func run(
        _ configuration: PostgresConfiguration,
        connectionConfiguration: PostgresConnection.Configuration,
        logger: Logger
    ) async throws(LaunchProblem) {
        // The connect timeout covers TCP and TLS; the extra 5 s covers a server that accepts
        // the connection and then never answers (e.g. another service on that port).
        let deadline = configuration.connectTimeout + .seconds(5)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await probe(connectionConfiguration, logger: logger)
                }
                group.addTask {
                    try await Task.sleep(for: deadline)
                    throw PostgresDriverError(kind: .timeout, message: "no answer within \(deadline)")
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            throw problem(for: error, configuration: configuration)
        }
    }

    private static func probe(_ configuration: PostgresConnection.Configuration, logger: Logger) async throws {
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        do {
            // The query itself is not cancellable; closing the connection on cancellation ends it.
            try await withTaskCancellationHandler {
                let future: EventLoopFuture<PostgresQueryResult> = connection.query("SELECT 1", logger: logger)
                _ = try await future.get()
            } onCancel: {
                connection.closeSoon()
            }
        } catch {
            await connection.closeAndWait()
            throw error
        }
        await connection.closeAndWait()
    }

    /// One line: where, what happened, what to check. Never the password.
    static func problem(for error: any Error, configuration: PostgresConfiguration) -> LaunchProblem {
        let place = "PostgreSQL at \(configuration.address) (database \(configuration.database), user \(configuration.username))"
        let cause = PostgresFailureCause.describe(error)
        let connectionVariables =
            configuration.endpoint == .unixSocket(path: configuration.address)
            ? "DATABASE_URL or POSTGRES_HOST" : "DATABASE_URL or POSTGRES_HOST/POSTGRES_PORT"

        if let sqlState = sqlState(of: error) {
            switch sqlState {
            case "28P01", "28000":
                return LaunchProblem(
                    "\(place) refused the login: \(cause).",
                    fix: "Check the user and password (DATABASE_URL or POSTGRES_USER/POSTGRES_PASSWORD) "
                        + "and the server's pg_hba.conf.")
            case "3D000":
                return LaunchProblem(
                    "\(place): \(cause).",
                    fix: "Create it (CREATE DATABASE \(configuration.database) OWNER \(configuration.username)) "
                        + "or correct the name (DATABASE_URL or POSTGRES_DATABASE).")
            case "53300":
                return LaunchProblem(
                    "\(place) has no free connection slot: \(cause).",
                    fix: "Lower POSTGRES_POOL_SIZE on the instances sharing it, or raise max_connections.")
            default:
                return LaunchProblem(
                    "\(place) refused the connection: \(cause) (SQLSTATE \(sqlState)).",
                    fix: "Check the server's log and the connection settings.")
            }
        }
        if isTLSFailure(error) {
            return LaunchProblem(
                "Cannot open a TLS connection to \(place): \(cause).",
                fix: "Check sslmode (\(configuration.tlsMode.rawValue)) and POSTGRES_SSL_CA; a server without "
                    + "TLS needs sslmode=disable, a self-signed certificate sslmode=require.")
        }
        if (error as? PostgresDriverError)?.kind == .timeout || cause.contains("timed out") || cause.contains("no answer") {
            return LaunchProblem(
                "Cannot reach \(place): \(cause).",
                fix: "Check the host and port (\(connectionVariables)), the network path and any firewall; "
                    + "a busy server may need a longer POSTGRES_CONNECT_TIMEOUT.")
        }
        if cause.contains("resolved") {
            return LaunchProblem(
                "Cannot reach \(place): \(cause).",
                fix: "Check the host name (\(connectionVariables)).")
        }
        return LaunchProblem(
            "Cannot reach \(place): \(cause).",
            fix: "Check that the server is running and listens on that address and port "
                + "(listen_addresses, port), and \(connectionVariables).")
    }

    private static func sqlState(of error: any Error) -> String? {
        if let psql = error as? PSQLError {
            return psql.serverInfo?[.sqlState]
        }
        if let driverError = error as? PostgresDriverError {
            return driverError.sqlState
        }
        return nil
    }

    private static func isTLSFailure(_ error: any Error) -> Bool {
        var current: (any Error)? = error
        while let error = current {
            if error is NIOSSLError || error is BoringSSLError {
                return true
            }
            if let psql = error as? PSQLError {
                if psql.code == .sslUnsupported || psql.code == .failedToAddSSLHandler {
                    return true
                }
                current = psql.underlying
            } else {
                current = nil
            }
        }
        return false
    }
}
