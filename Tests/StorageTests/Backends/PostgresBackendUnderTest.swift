import Foundation
import Logging
@testable import StoragePostgres
import StorageSQL

// The PostgreSQL backend of the storage suite, and the helpers the driver tests share.
// Each test gets a fresh, empty database in the form of its own schema: the storage's
// connections run with `search_path` set to it, and the schema is dropped at the end. A schema
// is much cheaper than a database per test and needs no CREATEDB right.

extension StorageBackendUnderTest {
    /// Nil unless GEMGATE_TEST_POSTGRES_URL is set.
    static var postgres: StorageBackendUnderTest? {
        guard PostgresTestServer.isAvailable else { return nil }
        return StorageBackendUnderTest(name: "postgres", dialect: .postgres) { logTimeZone in
            let schema = try await PostgresTestServer.createSchema()
            let opened = OpenedStorages()
            let configuration = try PostgresTestServer.configuration(schema: schema)
            let open: @Sendable () async throws -> SQLStorage = {
                let storage = try await PostgresBackend.openStorage(
                    configuration: configuration, logTimeZone: logTimeZone, logger: .quiet)
                opened.add(storage)
                return storage
            }
            let storage: SQLStorage
            do {
                storage = try await open()
            } catch {
                await PostgresTestServer.dropSchema(schema)
                throw error
            }
            return DatabaseUnderTest(
                storage: storage,
                reopen: open,
                dispose: {
                    await opened.shutdownAll()
                    await PostgresTestServer.dropSchema(schema)
                }
            )
        }
    }
}

/// The PostgreSQL server the tests use: `GEMGATE_TEST_POSTGRES_URL`, as printed by
/// `scripts/db/postgres-start.sh`. Without it every PostgreSQL test is skipped.
enum PostgresTestServer {
    static var url: String? {
        guard let url = ProcessInfo.processInfo.environment["GEMGATE_TEST_POSTGRES_URL"], !url.isEmpty else {
            return nil
        }
        return url
    }

    static var isAvailable: Bool { url != nil }

    /// The CA of a TLS-enabled test server: GEMGATE_TEST_POSTGRES_SSL_CA, or the one
    /// postgres-start.sh made when the tests run beside it (found through its state file).
    static var certificateAuthority: String? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["GEMGATE_TEST_POSTGRES_SSL_CA"], !path.isEmpty { return path }
        guard let configuration = try? configuration(), case .tcp(_, let port) = configuration.endpoint else { return nil }
        let temporary = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        guard let base = try? String(contentsOfFile: "\(temporary)/gemgate-postgres-\(port).base", encoding: .utf8)
        else { return nil }
        let path = base.trimmingCharacters(in: .whitespacesAndNewlines) + "/tls/ca.pem"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    static var hasTLS: Bool { isAvailable && certificateAuthority != nil }

    static let logger: Logger = {
        var logger = Logger(label: "gemgate.tests.postgres")
        logger.logLevel = .warning
        return logger
    }()

    /// The test server's configuration; with a schema, every connection works inside it.
    /// Small pools: many tests run at once against one server.
    static func configuration(schema: String? = nil, poolSize: Int = 4) throws -> PostgresConfiguration {
        var configuration = try PostgresConfiguration.fromEnvironment(["DATABASE_URL": url ?? ""])
        configuration.schema = schema
        configuration.poolSize = poolSize
        configuration.connectionWaitTimeout = .seconds(30)
        return configuration
    }

    /// A name no other test uses, valid as a schema or channel name.
    static func uniqueName(_ prefix: String) -> String {
        prefix + "_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    }

    /// Creates a new empty schema and returns its name.
    static func createSchema() async throws -> String {
        let schema = uniqueName("gg_test")
        try await withDriver(configuration(poolSize: 1)) { admin in
            try await admin.execute("CREATE SCHEMA \"\(schema)\"", [])
        }
        return schema
    }

    /// Drops a schema made by `createSchema` with everything in it. Best effort: a failure here
    /// must not hide the test's own result.
    static func dropSchema(_ schema: String) async {
        do {
            try await withDriver(configuration(poolSize: 1)) { admin in
                try await admin.execute("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE", [])
            }
        } catch {
            logger.warning("could not drop test schema \(schema): \(error)")
        }
    }

    /// Runs `body` with a driver whose `search_path` is a new, empty schema, dropped afterwards.
    static func withFreshSchema<T>(
        poolSize: Int = 4,
        _ body: (PostgresDriver, PostgresConfiguration) async throws -> T
    ) async throws -> T {
        let schema = try await createSchema()
        do {
            let configuration = try configuration(schema: schema, poolSize: poolSize)
            let result = try await withDriver(configuration) { driver in
                try await body(driver, configuration)
            }
            await dropSchema(schema)
            return result
        } catch {
            await dropSchema(schema)
            throw error
        }
    }

    /// Runs `body` with a driver for `configuration`, closed afterwards, also when it throws.
    @discardableResult
    static func withDriver<T>(
        _ configuration: PostgresConfiguration,
        _ body: (PostgresDriver) async throws -> T
    ) async throws -> T {
        let driver = try await PostgresBackend.makeDriver(configuration: configuration, logger: logger)
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
