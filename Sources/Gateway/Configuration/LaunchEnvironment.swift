import Foundation

/// The settings that must be known before the database is open, read from the environment only
/// (they are never stored): where to listen, which database, where its files go.
public struct LaunchEnvironment: Sendable {
    public var host: String
    public var port: Int
    /// `sqlite` (default), `mysql` or `postgres`; the launcher checks it.
    public var databaseType: String
    /// The folder for the SQLite file and other data (`DATA_DIR`, default `data`).
    public var dataDirectory: String
    /// `SQLITE_DATABASE`: a file name under the data folder, or an absolute path.
    public var sqliteDatabase: String
    /// `ENV_OVERRIDES_DATABASE=true`: environment values replace stored ones on this start.
    public var environmentWins: Bool
    /// A name for this instance on the panel (`INSTANCE_NAME`, default the host name).
    public var instanceName: String
    /// Every variable, for the settings bootstrap and the database backends.
    public var variables: [String: String]

    public init(_ variables: [String: String] = ProcessInfo.processInfo.environment) throws(LaunchProblem) {
        self.variables = variables
        host = Self.nonEmpty(variables["HOST"]) ?? "0.0.0.0"
        let portText = Self.nonEmpty(variables["PORT"]) ?? "8000"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw LaunchProblem(
                "PORT must be a number between 1 and 65535, not “\(portText)”.",
                fix: "Set PORT=8000 (or remove it to use 8000).")
        }
        self.port = port
        databaseType = (Self.nonEmpty(variables["DATABASE_TYPE"]) ?? "sqlite").lowercased()
        dataDirectory = Self.nonEmpty(variables["DATA_DIR"]) ?? "data"
        sqliteDatabase = Self.nonEmpty(variables["SQLITE_DATABASE"]) ?? "default_db"
        environmentWins = ["true", "1", "yes", "on"].contains((variables["ENV_OVERRIDES_DATABASE"] ?? "").lowercased())
        instanceName = Self.nonEmpty(variables["INSTANCE_NAME"]) ?? ProcessInfo.processInfo.hostName
    }

    /// The SQLite file: `SQLITE_DATABASE` under the data folder, unless it is an absolute path.
    public var sqlitePath: String {
        sqliteDatabase.hasPrefix("/") ? sqliteDatabase : dataDirectory + "/" + sqliteDatabase
    }

    public subscript(name: String) -> String? { Self.nonEmpty(variables[name]) }

    static func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}

/// A reason Gemgate cannot start, with what to do about it: one line each.
public struct LaunchProblem: Error, Sendable, CustomStringConvertible {
    public let cause: String
    public let fix: String

    public init(_ cause: String, fix: String) {
        self.cause = cause
        self.fix = fix
    }

    public var description: String { "\(cause) \(fix)" }
}
