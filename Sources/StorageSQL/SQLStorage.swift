import Foundation
import Gateway
import Logging
import Synchronization

/// `Storage` for every SQL backend: the queries and migrations written once, over a driver.
///
/// The queries live in extensions by concern (`SQLStorage+Settings`, `+KeyState`,
/// `+RequestLog`, `+ErrorLog`, `+Inspection`); the schema in `Schema/`; gemini-balance's
/// tables and value rules in `Legacy/`; the per-database spellings in `Dialect/`.
public final class SQLStorage: Storage {
    /// The driver, for callers that need raw SQL (tests, fixtures, future panel queries).
    public let driver: any SQLDriver
    /// The zone gemini-balance wrote its log times in (naive local time of its process;
    /// Asia/Shanghai in its Docker image). Gemgate writes log times in the same zone, so
    /// that rows from both programs read alike.
    public let logTimeZone: TimeZone
    public let summary: StorageSummary
    /// Rows each retention DELETE removes at most (`deleteRequestLogs`, `deleteErrorLogs`).
    let retentionChunkSize: Int
    let logger: Logger

    /// Column sizes read by `prepare()`; values are fitted to them before writing.
    private let columnLimits = Mutex(ColumnLimits.none)

    public static let defaultRetentionChunkSize = 10_000

    public init(
        driver: any SQLDriver, logTimeZone: TimeZone, summary: StorageSummary, logger: Logger,
        retentionChunkSize: Int = defaultRetentionChunkSize
    ) {
        self.driver = driver
        self.logTimeZone = logTimeZone
        self.summary = summary
        self.retentionChunkSize = max(1, retentionChunkSize)
        self.logger = logger
    }

    var dialect: SQLDialect { driver.dialect }

    /// Log times (`t_request_log`, `t_error_logs`): naive, in `logTimeZone`.
    var logTimes: NaiveTimestampCodec {
        NaiveTimestampCodec(timeZone: logTimeZone, fractionDigits: dialect.timestampFractionDigits)
    }

    /// `t_settings` times: naive UTC, as gemini-balance's `sync_initial_settings` writes them.
    var settingsTimes: NaiveTimestampCodec {
        NaiveTimestampCodec(timeZone: TimeZone(identifier: "UTC")!, fractionDigits: dialect.timestampFractionDigits)
    }

    var limits: ColumnLimits { columnLimits.withLock { $0 } }

    // MARK: Lifecycle

    public func prepare() async throws -> PreparationReport {
        let catalog = SchemaCatalog(connection: DriverConnection(driver: driver), dialect: dialect)
        let finding = try await GeminiBalanceDetection.inspect(catalog)
        if finding.isUntouchedGeminiBalanceDatabase {
            let gaps = finding.missingColumnsByTable
                .map { "\($0.table): \($0.missing.joined(separator: ", "))" }
                .joined(separator: "; ")
            logger.notice(
                "Opened a gemini-balance database; its tables and data are kept as they are.",
                metadata: ["location": "\(summary.location)", "missing": "\(gaps.isEmpty ? "none" : gaps)"]
            )
        }

        let applied = try await driver.withLongStatements { [logger] patient in
            try await MigrationRunner(driver: patient, migrations: SchemaMigration.all, logger: logger).run()
        }
        try await refreshColumnLimits(catalog)
        return PreparationReport(openedGeminiBalanceDatabase: finding.isUntouchedGeminiBalanceDatabase,
                                 appliedMigrations: applied)
    }

    public func shutdown() async {
        await driver.close()
    }

    /// Reads the sizes of the text columns Gemgate writes, so values can be fitted to them.
    private func refreshColumnLimits(_ catalog: SchemaCatalog) async throws {
        var limits = ColumnLimits()
        let tables = [GeminiBalanceTables.settings, GeminiBalanceTables.requestLog,
                      GeminiBalanceTables.errorLogs, GemgateTables.keyState]
        for table in tables {
            for column in try await catalog.columns(of: table.name)
            where column.limit.maxCharacters != nil || column.limit.maxBytes != nil {
                limits.set(column.limit, table: table.name, column: column.name)
            }
        }
        columnLimits.withLock { $0 = limits }
    }
}
