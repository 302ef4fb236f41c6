import Foundation
import Logging
import StorageSQL
import Synchronization

extension Logger {
    /// Tests do not need the storage's notices on the console.
    static let quiet = Logger(label: "gemgate.storage-tests") { _ in SwiftLogNoOpLogHandler() }
}

extension TimeZone {
    /// gemini-balance's Docker image runs with TZ=Asia/Shanghai, so its log times are UTC+8.
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    static let utc = TimeZone(identifier: "UTC")!
}

/// Storages opened for one test, shut down together at its end.
final class OpenedStorages: Sendable {
    private let storages = Mutex<[SQLStorage]>([])

    func add(_ storage: SQLStorage) {
        storages.withLock { $0.append(storage) }
    }

    func shutdownAll() async {
        for storage in storages.withLock({ $0 }) {
            await storage.shutdown()
        }
    }
}

enum TemporaryFolder {
    static func make() -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("gemgate-storage-tests", isDirectory: true)
            .appendingPathComponent(UUID().uuidString, isDirectory: true)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Runs `body` on a fresh database of the backend and disposes of it afterwards, also when the
/// body throws.
func withDatabase(
    _ backend: StorageBackendUnderTest, logTimeZone: TimeZone = .shanghai,
    _ body: (DatabaseUnderTest) async throws -> Void
) async throws {
    let database = try await backend.makeDatabase(logTimeZone)
    do {
        try await body(database)
    } catch {
        await database.dispose()
        throw error
    }
    await database.dispose()
}

/// Like `withDatabase`, with the schema already prepared.
func withPreparedStorage(
    _ backend: StorageBackendUnderTest, logTimeZone: TimeZone = .shanghai,
    _ body: (SQLStorage) async throws -> Void
) async throws {
    try await withDatabase(backend, logTimeZone: logTimeZone) { database in
        _ = try await database.storage.prepare()
        try await body(database.storage)
    }
}

/// Fixed instants, whole seconds, because MySQL's DATETIME keeps no fraction.
enum TestTimes {
    /// 2026-11-27 10:53:21 UTC = 18:53:21 in Shanghai.
    static let base = Date(timeIntervalSince1970: 1_795_776_801)

    static func at(_ secondsFromBase: TimeInterval) -> Date {
        base.addingTimeInterval(secondsFromBase)
    }
}
