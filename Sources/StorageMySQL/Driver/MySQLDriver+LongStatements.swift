import StorageSQL

extension MySQLDriver {
    /// Runs `body` on a one-connection driver of its own whose read timeout is
    /// `configuration.migrationReadTimeout` (10 minutes) instead of `readTimeout` (30 s).
    ///
    /// libmariadb fixes a connection's read timeout when it connects, and the 30 s that notice a
    /// stalled server in normal work would cut a migration's legitimate wait: an ALTER TABLE
    /// behind a metadata lock held 75 s failed with 2013 after 30 s and stopped the start-up.
    public func withLongStatements<T: Sendable>(_ body: @Sendable (any SQLDriver) async throws -> T) async throws -> T {
        var patient = configuration
        patient.readTimeout = max(configuration.readTimeout, configuration.migrationReadTimeout)
        patient.poolSize = 1
        let driver = MySQLDriver(configuration: patient, logger: logger)
        do {
            let result = try await body(driver)
            await driver.close()
            return result
        } catch {
            await driver.close()
            throw error
        }
    }
}
