import Logging

/// The launcher's way in: `DATABASE_TYPE=mysql`.
///
/// ```swift
/// let configuration = try MySQLConfiguration(environment: ProcessInfo.processInfo.environment)
/// let driver = try await MySQLBackend.makeDriver(configuration: configuration, logger: logger)
/// ```
/// Configuration problems throw `MySQLConfigurationError`, connection problems `MySQLError`;
/// both describe themselves in one line that names the variables to check.
public enum MySQLBackend {
    /// Builds the driver and opens one connection at once, so that an unreachable server or a
    /// wrong password stops the start-up with a clear message instead of failing the first request.
    public static func makeDriver(configuration: MySQLConfiguration, logger: Logger) async throws -> MySQLDriver {
        let driver = MySQLDriver(configuration: configuration, logger: logger)
        do {
            let server = try await driver.connect()
            logger.info(
                "Connected to MySQL",
                metadata: [
                    "mysql.location": "\(configuration)",
                    "mysql.server": "\(server.version)",
                    "mysql.tls": "\(server.tlsCipher ?? "off")",
                ])
        } catch {
            await driver.close()
            throw error
        }
        return driver
    }
}
