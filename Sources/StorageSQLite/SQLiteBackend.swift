import Foundation
import Gateway
import GRDB
import Logging
import StorageSQL

/// The launcher's entry point for `DATABASE_TYPE=sqlite` (the default).
public enum SQLiteBackend {
    /// Opens the database file at `path`, creating its folder and the file when missing, and
    /// returns the storage over it (call `prepare()` next). A database left by gemini-balance
    /// (rollback-journal mode) opens as it is and is switched to WAL.
    ///
    /// - Throws: `SQLiteBackendError` when the folder or file cannot be used or the file is not
    ///   a SQLite database.
    public static func openStorage(path: String, logTimeZone: TimeZone, logger: Logger) async throws -> SQLStorage {
        let absolutePath = URL(fileURLWithPath: path).standardizedFileURL.path
        let driver = try await openDriver(path: absolutePath)
        return SQLStorage(driver: driver, logTimeZone: logTimeZone,
                          summary: StorageSummary(type: "sqlite", location: absolutePath), logger: logger)
    }

    /// The driver alone, for tools and tests that work below `SQLStorage`.
    public static func openDriver(path: String) async throws -> SQLiteDriver {
        try DataFolderCheck.prepare(databasePath: path)
        do {
            return try await SQLiteDriver(path: path)
        } catch let error as DatabaseError {
            throw readable(error, path: path)
        }
    }

    private static func readable(_ error: DatabaseError, path: String) -> SQLiteBackendError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .notASQLiteDatabase(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            return .databaseFileNotWritable(path: path)
        default:
            return .cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
    }
}
