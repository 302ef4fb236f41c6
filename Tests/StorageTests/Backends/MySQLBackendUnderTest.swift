import Foundation
import Logging
import StorageSQL

@testable import StorageMySQL

/// The MariaDB or MySQL server the tests use: `GEMGATE_TEST_MYSQL_URL`, as printed by
/// `scripts/db/mariadb-start.sh` (`mysql://gemgate:gemgatepw@127.0.0.1:3307/gemgate`). Without it
/// every MySQL test that needs a server is skipped.
enum MySQLTestServer {
    static var url: String? {
        guard let url = ProcessInfo.processInfo.environment["GEMGATE_TEST_MYSQL_URL"], !url.isEmpty else { return nil }
        return url
    }

    static var isAvailable: Bool { url != nil }

    static let logger: Logger = {
        var logger = Logger(label: "gemgate.tests.mysql")
        logger.logLevel = .error
        return logger
    }()

    /// The server's configuration, for its own database or another one.
    static func configuration(database: String? = nil) throws -> MySQLConfiguration {
        var configuration = try MySQLConfiguration(url: url ?? "")
        if let database { configuration.database = database }
        configuration.connectTimeout = .seconds(5)
        return configuration
    }

    /// A database name no other test uses. The start script lets the test account create
    /// databases whose names start with `gemgate`.
    static func uniqueDatabaseName() -> String {
        "gemgate_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    }

    /// Runs `body` with a driver on a new, empty database, dropped afterwards even if `body` throws.
    static func withFreshDatabase<T>(
        poolSize: Int = 4,
        configure: (inout MySQLConfiguration) -> Void = { _ in },
        _ body: (MySQLDriver) async throws -> T
    ) async throws -> T {
        let database = uniqueDatabaseName()
        try await asAdministrator { admin in
            try await admin.execute("CREATE DATABASE `\(database)` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", [])
        }
        let dropDatabase = {
            try? await asAdministrator { admin in
                try await admin.execute("DROP DATABASE IF EXISTS `\(database)`", [])
            }
        }
        var configuration = try configuration(database: database)
        configuration.poolSize = poolSize
        configure(&configuration)
        let driver: MySQLDriver
        do {
            driver = try await MySQLBackend.makeDriver(configuration: configuration, logger: logger)
        } catch {
            await dropDatabase()
            throw error
        }
        do {
            let result = try await body(driver)
            await driver.close()
            await dropDatabase()
            return result
        } catch {
            await driver.close()
            await dropDatabase()
            throw error
        }
    }

    /// The folder of the server started by `scripts/db/mariadb-start.sh` for the URL's port
    /// (it records it in `$TMPDIR/gemgate-mariadb-<port>.base`), if that is where it came from.
    static var startScriptBase: String? {
        guard let configuration = try? configuration() else { return nil }
        let stateFile = (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp") + "/gemgate-mariadb-\(configuration.port).base"
        guard let text = try? String(contentsOfFile: stateFile, encoding: .utf8) else { return nil }
        let base = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return base.isEmpty ? nil : base
    }

    /// The CA that signed the server's certificate: `GEMGATE_TEST_MYSQL_SSL_CA`, or the one the
    /// start script made. Nil when the server has no TLS set up for tests.
    static var certificateAuthority: String? {
        if let path = ProcessInfo.processInfo.environment["GEMGATE_TEST_MYSQL_SSL_CA"], !path.isEmpty { return path }
        guard let base = startScriptBase else { return nil }
        let path = base + "/tls/ca.pem"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    static var hasTLS: Bool { isAvailable && certificateAuthority != nil }

    /// The start script's unix socket, when the tests run beside it.
    static var socketPath: String? {
        guard let base = startScriptBase else { return nil }
        let path = base + "/mysqld.sock"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}

extension StorageBackendUnderTest {
    /// A new database on the MySQL test server per test, dropped by `dispose`.
    static var mysql: StorageBackendUnderTest? {
        guard MySQLTestServer.isAvailable else { return nil }
        return StorageBackendUnderTest(name: "mysql", dialect: .mysql) { logTimeZone in
            let database = MySQLTestServer.uniqueDatabaseName()
            try await MySQLTestServer.asAdministrator { admin in
                try await admin.execute("CREATE DATABASE `\(database)` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", [])
            }
            let configuration = try MySQLTestServer.configuration(database: database)
            let opened = OpenedStorages()
            let dropDatabase: @Sendable () async -> Void = {
                try? await MySQLTestServer.asAdministrator { admin in
                    try await admin.execute("DROP DATABASE IF EXISTS `\(database)`", [])
                }
            }
            do {
                let storage = try await MySQLBackend.openStorage(configuration: configuration, logTimeZone: logTimeZone, logger: .quiet)
                opened.add(storage)
                return DatabaseUnderTest(
                    storage: storage,
                    reopen: {
                        let again = try await MySQLBackend.openStorage(configuration: configuration, logTimeZone: logTimeZone, logger: .quiet)
                        opened.add(again)
                        return again
                    },
                    dispose: {
                        await opened.shutdownAll()
                        await dropDatabase()
                    }
                )
            } catch {
                await dropDatabase()
                throw error
            }
        }
    }
}

extension MySQLTestServer {
    /// Runs `body` with a one-connection driver on the server's own database, closed afterwards.
    static func asAdministrator(_ body: (MySQLDriver) async throws -> Void) async throws {
        var configuration = try configuration()
        configuration.poolSize = 1
        let admin = try await MySQLBackend.makeDriver(configuration: configuration, logger: logger)
        do {
            try await body(admin)
        } catch {
            await admin.close()
            throw error
        }
        await admin.close()
    }
}
