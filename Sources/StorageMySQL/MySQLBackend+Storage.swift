import Foundation
import Gateway
import Logging
import StorageSQL

extension MySQLBackend {
    /// The storage for `DATABASE_TYPE=mysql`: `makeDriver`, then the shared SQL layer over it.
    /// Log times are written as naive timestamps in `logTimeZone`, as gemini-balance writes them.
    public static func openStorage(
        configuration: MySQLConfiguration, logTimeZone: TimeZone, logger: Logger
    ) async throws -> SQLStorage {
        let driver = try await makeDriver(configuration: configuration, logger: logger)
        return SQLStorage(
            driver: driver,
            logTimeZone: logTimeZone,
            summary: StorageSummary(type: "mysql", location: configuration.location),
            logger: logger)
    }
}
