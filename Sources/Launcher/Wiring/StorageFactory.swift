import Foundation
import Gateway
import Logging
import StorageSQL
import StorageSQLite

/// The one place that maps `DATABASE_TYPE` to a storage implementation.
public enum StorageFactory {
    public static let supportedTypes = ["sqlite", "mysql", "postgres"]

    /// Opens the storage the environment asks for. Throws `LaunchProblem` with a cause and a fix.
    public static func open(_ launch: LaunchEnvironment, logger: Logger) async throws -> any Storage {
        let logTimeZone = TimeZone.current
        switch launch.databaseType {
        case "sqlite":
            do {
                return try await SQLiteBackend.openStorage(path: launch.sqlitePath, logTimeZone: logTimeZone, logger: logger)
            } catch {
                throw LaunchProblem("\(error)", fix: "")
            }
        case "mysql", "postgres":
            throw LaunchProblem(
                "DATABASE_TYPE=\(launch.databaseType) is not available in this build yet.",
                fix: "Use DATABASE_TYPE=sqlite for now.")
        default:
            throw LaunchProblem(
                "DATABASE_TYPE=\(launch.databaseType) is not a database Gemgate knows.",
                fix: "Use one of: \(supportedTypes.joined(separator: ", ")) (sqlite is the default).")
        }
    }
}
