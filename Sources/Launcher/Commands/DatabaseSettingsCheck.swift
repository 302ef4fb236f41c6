import Foundation
import Gateway
import StorageMySQL
import StoragePostgres
import StorageSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The database part of `gemgate config check`: reads the variables the chosen database needs,
/// as a start would read them, and looks at the SQLite folder, without opening or creating
/// anything. It cannot tell whether a server is reachable; a start says that in one line.
enum DatabaseSettingsCheck {
    /// Where the data will go, or what is wrong, in one sentence.
    static func check(_ launch: LaunchEnvironment) -> Result<String, LaunchProblem> {
        switch launch.databaseType {
        case "sqlite":
            return checkSQLite(path: launch.sqlitePath)
        case "mysql":
            do {
                return .success("\(try MySQLConfiguration(environment: launch.variables))")
            } catch {
                return .failure(LaunchProblem("\(error)", fix: ""))
            }
        case "postgres":
            do {
                return .success("\(try PostgresConfiguration.fromEnvironment(launch.variables))")
            } catch {
                return .failure(error)
            }
        default:
            return .failure(LaunchProblem(
                "DATABASE_TYPE=\(launch.databaseType) is not a database Gemgate knows.",
                fix: "Use one of: \(StorageFactory.supportedTypes.joined(separator: ", ")) (sqlite is the default)."))
        }
    }

    private static func checkSQLite(path: String) -> Result<String, LaunchProblem> {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let folder = (absolute as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder) {
            if isFolder.boolValue {
                return .failure(LaunchProblem("\(SQLiteBackendError.pathIsAFolder(path: absolute))", fix: ""))
            }
            guard access(absolute, R_OK | W_OK) == 0, access(folder, W_OK | X_OK) == 0 else {
                return .failure(LaunchProblem("\(SQLiteBackendError.databaseFileNotWritable(path: absolute))", fix: ""))
            }
            return .success("sqlite at \(absolute) (an existing database: its stored settings win over the environment)")
        }
        // The folder is created at the first start when missing: its nearest existing parent
        // must then be writable.
        var existing = folder
        while !FileManager.default.fileExists(atPath: existing, isDirectory: &isFolder), existing != "/" {
            existing = (existing as NSString).deletingLastPathComponent
        }
        guard isFolder.boolValue, access(existing, W_OK | X_OK) == 0 else {
            return .failure(LaunchProblem("\(SQLiteBackendError.dataFolderNotWritable(folder: existing == folder ? folder : existing))", fix: ""))
        }
        return .success("sqlite at \(absolute) (a new database: the first start creates it)")
    }
}
