import Foundation
import Logging
import StorageSQL
import StorageSQLite

extension StorageBackendUnderTest {
    /// A new file in its own temporary folder per test.
    static var sqlite: StorageBackendUnderTest? {
        StorageBackendUnderTest(name: "sqlite", dialect: .sqlite) { logTimeZone in
            let folder = TemporaryFolder.make()
            let path = folder.appendingPathComponent("gemgate.db").path
            let opened = OpenedStorages()
            let storage = try await SQLiteBackend.openStorage(path: path, logTimeZone: logTimeZone, logger: .quiet)
            opened.add(storage)
            return DatabaseUnderTest(
                storage: storage,
                reopen: {
                    let again = try await SQLiteBackend.openStorage(path: path, logTimeZone: logTimeZone, logger: .quiet)
                    opened.add(again)
                    return again
                },
                dispose: {
                    await opened.shutdownAll()
                    TemporaryFolder.remove(folder)
                }
            )
        }
    }
}
