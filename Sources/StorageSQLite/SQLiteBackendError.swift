/// Why the SQLite database could not be opened, in words an operator can act on.
public enum SQLiteBackendError: Error, CustomStringConvertible, Sendable {
    case dataFolderNotWritable(folder: String)
    case databaseFileNotWritable(path: String)
    case notASQLiteDatabase(path: String)
    case pathIsAFolder(path: String)
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case .dataFolderNotWritable(let folder):
            return "The data folder \(folder) is not writable. If Gemgate runs in a container, check that the"
                + " volume is mounted there and writable by the app's user."
        case .databaseFileNotWritable(let path):
            return "The database file \(path) is not readable and writable. If Gemgate runs in a container,"
                + " check that the volume is mounted there and writable by the app's user."
        case .notASQLiteDatabase(let path):
            return "The file \(path) is not a SQLite database. Set SQLITE_DATABASE to gemini-balance's database"
                + " file (data/default_db) or to the name of a new file."
        case .pathIsAFolder(let path):
            return "The database path \(path) is a folder. Set SQLITE_DATABASE to a file name."
        case .cannotOpen(let path, let reason):
            return "The SQLite database \(path) could not be opened: \(reason)"
        }
    }
}
