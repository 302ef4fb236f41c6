import GRDB

/// Retries work that SQLite refused with SQLITE_BUSY or SQLITE_LOCKED.
///
/// Each attempt already waits up to the busy timeout (5 s) inside SQLite; these retries cover
/// a longer lock held by another process on the same file (gemini-balance, a backup, the
/// sqlite3 shell), so that a busy database slows a write down instead of failing it. A refused
/// statement has changed nothing, so running it again is safe, also inside a transaction.
enum BusyRetry {
    static let maxAttempts = 6

    static func run<T>(_ operation: () async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await operation()
            } catch let error as DatabaseError where isBusy(error) && attempt < maxAttempts {
                try await Task.sleep(for: .milliseconds(100 * attempt))
                attempt += 1
            }
        }
    }

    static func isBusy(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }
}
