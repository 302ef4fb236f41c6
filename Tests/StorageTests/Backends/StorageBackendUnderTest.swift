import Foundation
import StorageSQL

/// One database engine the storage suite runs against. Every parameterised test in this target
/// runs once per entry of `available`, unchanged.
///
/// To add a backend: define `static var <name>: StorageBackendUnderTest?` in an extension in its
/// own file under `Backends/` (nil when its server is not configured, e.g. the environment
/// variable is unset) and list it in `available` below. MySQL and PostgreSQL read
/// `GEMGATE_TEST_MYSQL_URL` / `GEMGATE_TEST_POSTGRES_URL`.
struct StorageBackendUnderTest: Sendable, CustomStringConvertible {
    /// Shown in test names: `sqlite`, `mysql`, `postgres`.
    let name: String
    let dialect: SQLDialect
    /// A storage over a fresh, empty database (its own file, or its own database on a server),
    /// not yet prepared. Each call returns a new one.
    let makeDatabase: @Sendable (_ logTimeZone: TimeZone) async throws -> DatabaseUnderTest

    var description: String { name }

    /// The one list of backends: SQLite always, the servers when configured.
    static var available: [StorageBackendUnderTest] {
        [sqlite, mysql, postgres].compactMap { $0 }
    }
}

/// A fresh database made for one test.
struct DatabaseUnderTest: Sendable {
    /// Storage over the database; `prepare()` has not run.
    let storage: SQLStorage
    /// A second, independent storage over the same database, as after a restart.
    let reopen: @Sendable () async throws -> SQLStorage
    /// Closes every storage opened here and deletes the database.
    let dispose: @Sendable () async -> Void
}
