import Foundation
import Gateway
import Logging
import StorageSQL
import StorageMySQL
import StoragePostgres
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
            } catch let problem as LaunchProblem {
                throw problem
            } catch {
                throw LaunchProblem("\(error)", fix: "")
            }
        case "mysql":
            do {
                let configuration = try MySQLConfiguration(environment: launch.variables)
                return try await MySQLBackend.openStorage(configuration: configuration, logTimeZone: logTimeZone, logger: logger)
            } catch let problem as LaunchProblem {
                throw problem
            } catch {
                throw LaunchProblem("\(error)", fix: "")
            }
        case "postgres":
            do {
                let configuration = try PostgresConfiguration.fromEnvironment(launch.variables)
                return try await PostgresBackend.openStorage(configuration: configuration, logTimeZone: logTimeZone, logger: logger)
            } catch let problem as LaunchProblem {
                throw problem
            } catch {
                throw LaunchProblem("\(error)", fix: "")
            }
        default:
            throw LaunchProblem(
                "DATABASE_TYPE=\(launch.databaseType) is not a database Gemgate knows.",
                fix: "Use one of: \(supportedTypes.joined(separator: ", ")) (sqlite is the default).")
        }
    }
}
