import Foundation
import Gateway
import Logging
import StorageMySQL
import StoragePostgres
import StorageSQL
import StorageSQLite

/// Opens the two databases of `gemgate migrate`.
enum TransferEndpoints {
    /// The source, for reading only. Its schema is never migrated: reads adapt to the columns it
    /// has. A SQLite file is copied to a temporary folder first, because opening it with the
    /// gateway's driver would switch it to WAL; the original stays byte for byte as it was.
    static func openSource(_ url: DatabaseURL, logTimeZone: TimeZone, logger: Logger) async throws -> OpenedDatabase {
        switch url {
        case .sqlite(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                throw DatabaseURL.Problem(description: "The source file \(path) does not exist.")
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gemgate-migrate-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let copy = folder.appendingPathComponent("source.db").path
            // The WAL holds committed transactions not yet in the main file; it comes along.
            for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
                try FileManager.default.copyItem(atPath: path + suffix, toPath: copy + suffix)
            }
            let storage = try await SQLiteBackend.openStorage(path: copy, logTimeZone: logTimeZone, logger: logger)
            return OpenedDatabase(storage: storage) {
                try? FileManager.default.removeItem(at: folder)
            }
        case .mysql, .postgres:
            return OpenedDatabase(storage: try await open(url, logTimeZone: logTimeZone, logger: logger)) {}
        }
    }

    /// The target, with Gemgate's schema created or brought up to date.
    static func openTarget(_ url: DatabaseURL, logTimeZone: TimeZone, logger: Logger) async throws -> OpenedDatabase {
        let storage = try await open(url, logTimeZone: logTimeZone, logger: logger)
        do {
            _ = try await storage.prepare()
        } catch {
            await storage.shutdown()
            throw error
        }
        return OpenedDatabase(storage: storage) {}
    }

    private static func open(_ url: DatabaseURL, logTimeZone: TimeZone, logger: Logger) async throws -> SQLStorage {
        switch url {
        case .sqlite(let path):
            return try await SQLiteBackend.openStorage(path: path, logTimeZone: logTimeZone, logger: logger)
        case .mysql(let configuration):
            return try await MySQLBackend.openStorage(configuration: configuration, logTimeZone: logTimeZone, logger: logger)
        case .postgres(let configuration):
            return try await PostgresBackend.openStorage(configuration: configuration, logTimeZone: logTimeZone, logger: logger)
        }
    }
}

/// A storage opened for the copy, and what to tidy up after closing it.
struct OpenedDatabase: Sendable {
    let storage: SQLStorage
    let cleanUp: @Sendable () async -> Void

    func close() async {
        await storage.shutdown()
        await cleanUp()
    }
}
