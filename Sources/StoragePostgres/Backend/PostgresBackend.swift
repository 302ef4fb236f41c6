import Foundation
import Gateway
import Logging
import PostgresNIO
import StorageSQL

/// The launcher's entry to PostgreSQL (`DATABASE_TYPE=postgres`).
///
/// ```swift
/// let configuration = try PostgresConfiguration.fromEnvironment(environment.variables)
/// logger.info("storage: \(configuration)")     // no password
/// let driver = try await PostgresBackend.makeDriver(configuration: configuration, logger: logger)
/// ```
public enum PostgresBackend {
    /// Checks the server with one connection and `SELECT 1` (failing with a one-line
    /// `LaunchProblem` that names the address, the cause and what to check), then starts the
    /// pool. The caller owns the driver and must `close()` it last.
    public static func makeDriver(configuration: PostgresConfiguration, logger: Logger) async throws -> PostgresDriver {
        if !configuration.ignoredURLParameters.isEmpty {
            logger.warning(
                "DATABASE_URL parameters Gemgate does not use were ignored",
                metadata: ["parameters": "\(configuration.ignoredURLParameters.joined(separator: ", "))"])
        }
        let connectionConfiguration: PostgresConnection.Configuration
        do {
            connectionConfiguration = try configuration.makeConnectionConfiguration()
        } catch {
            throw LaunchProblem(
                "The TLS setup for PostgreSQL could not be built: \(error).",
                fix: "Check POSTGRES_SSL_CA (a readable PEM file) and the sslmode.")
        }
        try await PostgresStartupCheck.run(configuration, connectionConfiguration: connectionConfiguration, logger: logger)
        return try await PostgresDriver(configuration: configuration, logger: logger)
    }
}

extension PostgresBackend {
    /// The storage for `DATABASE_TYPE=postgres`: `makeDriver`, then the shared SQL layer over it.
    /// Log times are written as naive timestamps in `logTimeZone`, as on the other backends.
    public static func openStorage(
        configuration: PostgresConfiguration,
        logTimeZone: TimeZone,
        logger: Logger
    ) async throws -> SQLStorage {
        let driver = try await makeDriver(configuration: configuration, logger: logger)
        return SQLStorage(
            driver: driver,
            logTimeZone: logTimeZone,
            summary: StorageSummary(type: "postgres", location: configuration.location),
            logger: logger)
    }
}
