import Foundation

/// Where Gemgate keeps what must outlive the process: settings, key state and logs.
///
/// The core talks to storage only through this protocol; the launcher picks the implementation
/// (`DATABASE_TYPE`). Implementations must be safe to call from many tasks at once and must never
/// block an event loop. Times are absolute `Date`s here; how a backend writes them (gemini-balance
/// writes its log times as naive local time) is the backend's business.
///
/// The log inserts (`LogRowStorage`), the admin panel's queries (`LogQueryStorage`) and the
/// coordination of several instances on one database (`ClusterStorage`) are declared in their
/// own files and inherited here.
public protocol Storage: LogRowStorage, LogQueryStorage, ClusterStorage, AdminSessionStorage {
    /// A sentence for the start-up banner: which database, where.
    var summary: StorageSummary { get }

    /// Creates or upgrades the schema. Safe to call on every start and on an old
    /// gemini-balance database, whose tables keep their columns.
    func prepare() async throws -> PreparationReport

    /// Closes connections. Called once, after the last write.
    func shutdown() async

    // MARK: Settings (`t_settings`)

    /// Every stored setting as text, by name.
    func loadSettings() async throws -> [String: String]

    /// Writes the given settings in one transaction (all or nothing).
    func saveSettings(_ values: [String: String]) async throws

    // MARK: Key state

    func loadKeyStates() async throws -> [KeyStateRecord]

    /// Inserts or replaces the given keys' state.
    func saveKeyStates(_ records: [KeyStateRecord]) async throws

    func deleteKeyStates(_ keys: [String]) async throws

    // MARK: Logs (`t_request_log`, `t_error_logs`; the inserts are in `LogRowStorage`)

    /// Deletes request logs older than the date; returns how many went.
    func deleteRequestLogs(before date: Date) async throws -> Int

    /// Deletes error logs older than the date; returns how many went.
    func deleteErrorLogs(before date: Date) async throws -> Int
}

/// What the banner says about the storage.
public struct StorageSummary: Sendable {
    /// `sqlite`, `mysql` or `postgres`.
    public let type: String
    /// A location a person recognises (a file path, `host:port/database`); no password.
    public let location: String

    public init(type: String, location: String) {
        self.type = type
        self.location = location
    }
}

/// What `prepare()` found and did.
public struct PreparationReport: Sendable {
    /// The database already held gemini-balance's tables when Gemgate first opened it.
    public let openedGeminiBalanceDatabase: Bool
    /// Schema versions applied in this run.
    public let appliedMigrations: [Int]

    public init(openedGeminiBalanceDatabase: Bool, appliedMigrations: [Int]) {
        self.openedGeminiBalanceDatabase = openedGeminiBalanceDatabase
        self.appliedMigrations = appliedMigrations
    }
}
