import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks, before SQLite gets to it, that the database's folder and file can be used, because
/// SQLite's own errors ("unable to open database file") do not say what to fix. In WAL mode
/// SQLite creates `-wal` and `-shm` files beside the database, so the folder itself must be
/// writable, not only the file.
enum DataFolderCheck {
    static func prepare(databasePath path: String) throws(SQLiteBackendError) {
        let fileManager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent.isEmpty
            ? fileManager.currentDirectoryPath
            : (path as NSString).deletingLastPathComponent

        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .dataFolderNotWritable(folder: folder) }
        } else {
            do {
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .dataFolderNotWritable(folder: folder)
            }
        }
        // access(2) also reports a read-only mount (EROFS), which plain permission bits do not.
        guard access(folder, W_OK | X_OK) == 0 else { throw .dataFolderNotWritable(folder: folder) }

        if fileManager.fileExists(atPath: path, isDirectory: &isFolder) {
            guard !isFolder.boolValue else { throw .pathIsAFolder(path: path) }
            guard access(path, R_OK | W_OK) == 0 else { throw .databaseFileNotWritable(path: path) }
        }
    }
}
