import Foundation
import StorageMySQL
import StoragePostgres

/// A database named on the command line:
///
/// - `sqlite:///absolute/path` (or `sqlite:relative/path`, relative to the working directory);
/// - `mysql://user:password@host:3306/database?ssl=required` (also `mariadb://`);
/// - `postgres://user:password@host:5432/database?sslmode=require` (also `postgresql://`).
enum DatabaseURL: Sendable {
    case sqlite(path: String)
    case mysql(MySQLConfiguration)
    case postgres(PostgresConfiguration)

    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    init(_ text: String) throws {
        let lowered = text.lowercased()
        if lowered.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") {
                // sqlite://X: the path follows the authority, which is empty (sqlite:///abs).
                path = String(path.dropFirst(2))
                while path.hasPrefix("//") { path.removeFirst() }
            }
            guard !path.isEmpty else {
                throw Problem(description: "The SQLite URL names no file; write sqlite:///absolute/path or sqlite:relative/path.")
            }
            let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            self = .sqlite(path: URL(fileURLWithPath: absolute).standardizedFileURL.path)
        } else if lowered.hasPrefix("mysql://") || lowered.hasPrefix("mariadb://") {
            do {
                self = .mysql(try MySQLConfiguration(url: text))
            } catch {
                throw Problem(description: "\(error)")
            }
        } else if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            do {
                self = .postgres(try PostgresConfiguration.fromEnvironment(["DATABASE_URL": text]))
            } catch {
                throw Problem(description: "\(error.cause) \(error.fix)")
            }
        } else {
            throw Problem(description: "Unknown database URL; use sqlite:///path, mysql://user:password@host:3306/db or postgres://user:password@host:5432/db.")
        }
    }

    /// The database as a person recognises it, without the password. Also the name under which
    /// a target remembers how far it copied from this source.
    var displayName: String {
        switch self {
        case .sqlite(let path): return "sqlite://" + path
        case .mysql(let configuration): return "mysql://" + configuration.location
        case .postgres(let configuration): return "postgres://" + configuration.location
        }
    }
}
