import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Keeps this instance in step with the others on one shared database (MySQL, PostgreSQL):
///
/// - **registry**: a heartbeat row every few seconds, so the panel lists the live instances;
/// - **settings**: when any instance saves `t_settings` (the save appends to the change feed in
///   its own transaction), the others read the table again and adopt it, validated;
/// - **keys**: when a key is benched, reinstated, disabled or cooled down here, the change is
///   announced as a delta and the others apply it to their pools;
/// - **jobs**: `jobLease` lets one instance at a time run a periodic job;
/// - **outages**: every database call here reports to `health`, which says since when the
///   database is away. Nothing here is on the request path, and every loop keeps retrying
///   quietly while the database is away.
///
/// On SQLite (one instance per file) it does nothing but wait for shutdown.
public final class ClusterSync: Service, Sendable {
    /// This instance as the registry lists it.
    public let instance: InstanceRecord
    public let health: DatabaseHealth
    let storage: any Storage
    let settings: SettingsStore
    let pool: KeyPool
    let logs: LogWriter
    let timing: ClusterTiming
    let logger: Logger

    /// What other instances were last told (or told us) about each key's shared state.
    let announced = Mutex<[String: SharedKeyState]>([:])
    /// Deltas not yet published (the database was away), by key.
    let unpublished = Mutex<[String: KeyStateDelta]>([:])
    /// The last instance list read, for the panel while the database is away.
    let knownInstances = Mutex<[InstanceRecord]>([])
    let feed = Mutex(FeedState())

    struct FeedState {
        var cursor = ChangeCursor(floor: 0)
        /// Set when the subscription came back or a read failed: reload what we mirror.
        var needsFullReload = false
        var lastSuccessfulRead: Date?
    }

    public init(
        storage: any Storage, settings: SettingsStore, pool: KeyPool, logs: LogWriter, launch: LaunchEnvironment,
        version: String, timing: ClusterTiming = .standard, logger: Logger
    ) {
        self.storage = storage
        self.settings = settings
        self.pool = pool
        self.logs = logs
        self.timing = timing
        self.logger = logger
        let shownHost = launch.host == "0.0.0.0" || launch.host == "::" ? ProcessInfo.processInfo.hostName : launch.host
        instance = InstanceRecord(
            id: UUID().uuidString.lowercased(), name: launch.instanceName, address: "\(shownHost):\(launch.port)",
            version: version, startedAt: Date())
        health = DatabaseHealth(logger: logger) { [logs] in
            let backlog = logs.backlog
            return (backlog.pending, backlog.dropped)
        }
    }

    // MARK: For the panel and the launcher

    /// Decides which instance runs a periodic job: on a shared database, whoever takes the
    /// lease row; on SQLite, this one.
    public var jobLease: JobLease {
        guard storage.isShared else { return .always }
        return JobLease { [storage, instance, health, logger] job, duration in
            do {
                let held = try await storage.acquireLease(job, holder: instance.id, for: duration)
                health.recordSuccess()
                if held {
                    logger.info("This instance runs the periodic job \(job) (lease for \(duration.components.seconds) s).")
                } else {
                    logger.debug("Another instance holds the lease for \(job); skipping it here.")
                }
                return held
            } catch {
                health.recordFailure(error)
                return false
            }
        }
    }

    /// The instances seen in the last `timing.liveWindow`, newest start first. While the
    /// database is away, the last list read (and at least this instance).
    public func liveInstances() async -> [InstanceRecord] {
        guard storage.isShared else { return [instance] }
        do {
            let instances = try await storage.liveInstances(seenWithin: timing.liveWindow)
            knownInstances.withLock { $0 = instances }
            return instances.isEmpty ? [instance] : instances
        } catch {
            health.recordFailure(error)
            let known = knownInstances.withLock { $0 }
            return known.isEmpty ? [instance] : known
        }
    }

    public var status: ClusterStatus {
        let backlog = logs.backlog
        return ClusterStatus(
            instance: instance, isShared: storage.isShared, outage: health.outage,
            pendingLogEntries: backlog.pending, droppedLogEntries: backlog.dropped, logWriteFailure: backlog.lastFailure)
    }

    // MARK: Service

    public func run() async throws {
        guard storage.isShared else {
            try? await gracefulShutdown()
            return
        }
        await startFollowing()
        await cancelWhenGracefulShutdown { [self] in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.heartbeatLoop() }
                group.addTask { await self.publishLoop() }
                group.addTask { await self.followLoop() }
                await group.waitForAll()
            }
        }
        // Stopping: announce what is left, and leave the registry at once rather than after
        // the live window.
        await publishPending()
        try? await storage.removeInstance(id: instance.id)
    }

    /// Where to start reading the feed: a little before now, so that a change made between the
    /// bootstrap's reads and this moment is applied (applying a change twice is harmless).
    private func startFollowing() async {
        announced.withLock { $0 = pool.sharedStates() }
        let floor: Int64
        do {
            floor = try await storage.latestChangeID(olderThan: .seconds(10))
            health.recordSuccess()
        } catch {
            health.recordFailure(error)
            floor = 0
        }
        feed.withLock { $0.cursor = ChangeCursor(floor: floor) }
        try? await registerHeartbeat()
    }
}
