import ArgumentParser
import Foundation
import Gateway
import Logging
import StorageSQL

/// `gemgate migrate --from URL --to URL`: moves a deployment from one database to another
/// (gemini-balance's SQLite file to PostgreSQL, MySQL to PostgreSQL, and back).
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy settings, keys and their state, request and error logs, and file records from one database to another.",
        discussion: """
            URLs: sqlite:///absolute/path (or sqlite:relative/path), mysql://user:password@host:3306/database?ssl=required, \
            postgres://user:password@host:5432/database?sslmode=require. The source is only read (a SQLite file is read from \
            a copy). Running it again is safe: settings and key state are replaced by name, and log rows already copied are \
            skipped. Stop the gateways that write to the source first if the copy must be complete.
            """)

    @Option(help: "The database to copy from.")
    var from: String

    @Option(help: "The database to copy into; Gemgate's tables are created there if missing.")
    var to: String

    @Option(help: "The time zone the source's log times were written in (gemini-balance writes its container's local time: TZ, Asia/Shanghai in its image). Default: this process's zone (TZ).")
    var sourceTimeZone: String?

    @Option(help: "The time zone to write log times in on the target: the TZ the gateway will run with. Default: this process's zone (TZ).")
    var targetTimeZone: String?

    @Option(help: "Rows per batch; each batch is one transaction.")
    var batchSize: Int = 1000

    func run() async throws {
        LoggingSetup.install()
        var logger = Logger(label: "gemgate.migrate")
        logger.logLevel = .warning
        do {
            let sourceURL = try DatabaseURL(from)
            let targetURL = try DatabaseURL(to)
            guard sourceURL.displayName != targetURL.displayName else {
                throw DatabaseURL.Problem(description: "--from and --to name the same database.")
            }
            let sourceZone = try Self.zone(sourceTimeZone, option: "--source-time-zone")
            let targetZone = try Self.zone(targetTimeZone, option: "--target-time-zone")

            print("Copying from \(sourceURL.displayName)")
            print("          to \(targetURL.displayName)")
            let source = try await TransferEndpoints.openSource(sourceURL, logTimeZone: sourceZone, logger: logger)
            let target: OpenedDatabase
            do {
                target = try await TransferEndpoints.openTarget(targetURL, logTimeZone: targetZone, logger: logger)
            } catch {
                await source.close()
                throw error
            }
            let transfer = DatabaseTransfer(
                source: source.storage, target: target.storage, sourceName: sourceURL.displayName,
                batchSize: max(1, batchSize), progress: TransferProgressPrinter())
            let outcomes: [DatabaseTransfer.Outcome]
            do {
                outcomes = try await transfer.run()
            } catch {
                await source.close()
                await target.close()
                throw error
            }
            await source.close()
            await target.close()
            print("Done.")
            for outcome in outcomes {
                let name = outcome.table.padding(toLength: 16, withPad: " ", startingAt: 0)
                print("  \(name) \(outcome.inSource) in the source, \(outcome.copied) copied, \(outcome.alreadyCopied) already copied before")
            }
        } catch let problem as DatabaseURL.Problem {
            Banner.write("gemgate migrate: \(problem.description)")
            throw ExitCode(1)
        } catch let problem as LaunchProblem {
            Banner.write("gemgate migrate: \(problem.cause) \(problem.fix)")
            throw ExitCode(1)
        } catch {
            Banner.write("gemgate migrate failed: \(error)")
            throw ExitCode(1)
        }
    }

    private static func zone(_ name: String?, option: String) throws -> TimeZone {
        guard let name, !name.isEmpty else { return TimeZone.current }
        guard let zone = TimeZone(identifier: name) else {
            throw DatabaseURL.Problem(description: "\(option) \(name) is not a time zone name (e.g. Asia/Shanghai, UTC).")
        }
        return zone
    }
}
