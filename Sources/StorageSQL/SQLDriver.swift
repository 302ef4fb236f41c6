/// The little a storage backend must provide: run SQL with `?` placeholders on one database.
///
/// The shared layer (`SQLStorage`, migrations, queries) is written once against this protocol;
/// each backend target (`StorageSQLite`, `StorageMySQL`, `StoragePostgres`) supplies a driver and
/// its `SQLDialect`. Drivers never block an event loop: blocking C libraries run on a thread pool.
public protocol SQLDriver: Sendable {
    var dialect: SQLDialect { get }

    /// Runs a statement that returns rows.
    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow]

    /// Runs a statement that returns no rows.
    @discardableResult
    func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution

    /// Runs `body` in one transaction on one connection: committed when it returns, rolled back
    /// when it throws.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T

    /// Runs `body` with a driver whose statements may wait long: schema migrations wait for
    /// other sessions' locks (another instance migrating, a query still reading a table that
    /// ALTER TABLE must change). A driver that cuts long reads short (MySQL's read timeout)
    /// hands over a patient one; the others hand over themselves (the default).
    func withLongStatements<T: Sendable>(_ body: @Sendable (any SQLDriver) async throws -> T) async throws -> T

    /// Closes every connection. Called once, last.
    func close() async
}

extension SQLDriver {
    public func withLongStatements<T: Sendable>(_ body: @Sendable (any SQLDriver) async throws -> T) async throws -> T {
        try await body(self)
    }
}

/// One connection inside a transaction.
public protocol SQLConnection: Sendable {
    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow]
    @discardableResult
    func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution
}

/// A value bound to a `?` or read from a column.
public enum SQLValue: Sendable, Hashable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case blob([UInt8])
}

/// What a statement that returns no rows did.
public struct SQLExecution: Sendable, Equatable {
    public var affectedRows: Int
    /// The generated id of an inserted row, where the database reports one.
    public var lastInsertID: Int64?

    public init(affectedRows: Int, lastInsertID: Int64? = nil) {
        self.affectedRows = affectedRows
        self.lastInsertID = lastInsertID
    }
}

/// One result row; columns are looked up by name (lower-cased by the driver).
public struct SQLRow: Sendable, Equatable {
    public let columns: [String]
    public let values: [SQLValue]

    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    public subscript(column: String) -> SQLValue {
        guard let index = columns.firstIndex(of: column) else { return .null }
        return values[index]
    }
}

/// The SQL dialects Gemgate speaks.
public enum SQLDialect: String, Sendable {
    case sqlite
    case mysql
    case postgres
}
