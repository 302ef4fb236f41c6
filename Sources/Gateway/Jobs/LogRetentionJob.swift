import Foundation
import Logging
import ServiceLifecycle

/// Deletes old logs as the `AUTO_DELETE_*` settings ask: once soon after start, then hourly.
public struct LogRetentionJob: Service {
    let storage: any Storage
    let settings: SettingsStore
    let lease: JobLease
    let logger: Logger

    public init(storage: any Storage, settings: SettingsStore, lease: JobLease = .always, logger: Logger) {
        self.storage = storage
        self.settings = settings
        self.lease = lease
        self.logger = logger
    }

    public func run() async throws {
        // Graceful shutdown cancels the loop at once, even in the middle of a long sleep.
        await cancelWhenGracefulShutdown { await loop() }
    }

    private func loop() async {
        var delay: Duration = .seconds(60)
        while !Task.isCancelled {
            try? await Task.sleep(for: delay)
            delay = .seconds(3600)
            guard !Task.isCancelled, !Task.isShuttingDownGracefully else { break }
            guard await lease.acquire("log-retention", for: .seconds(3000)) else { continue }
            await deleteExpired(now: Date())
        }
    }

    /// Deletes what the settings say is too old; returns (request rows, error rows) deleted.
    @discardableResult
    public func deleteExpired(now: Date) async -> (requests: Int, errors: Int) {
        let current = settings.current
        var deleted = (requests: 0, errors: 0)
        do {
            if current.autoDeleteRequestLogs {
                deleted.requests = try await storage.deleteRequestLogs(
                    before: now.addingTimeInterval(-Double(current.autoDeleteRequestLogsDays) * 86400))
            }
            if current.autoDeleteErrorLogs {
                deleted.errors = try await storage.deleteErrorLogs(
                    before: now.addingTimeInterval(-Double(current.autoDeleteErrorLogsDays) * 86400))
            }
            if deleted.requests + deleted.errors > 0 {
                logger.info("Deleted old logs: \(deleted.requests) request rows, \(deleted.errors) error rows.")
            }
        } catch {
            logger.warning("Could not delete old logs; will try again in an hour: \(error)")
        }
        return deleted
    }
}
