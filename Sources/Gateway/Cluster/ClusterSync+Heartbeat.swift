import Foundation

// The registry and the housekeeping of the shared tables.
extension ClusterSync {
    /// The maintenance lease's name; whoever holds it prunes the feed and the registry.
    static let maintenanceJob = "cluster-maintenance"

    func heartbeatLoop() async {
        var sinceMaintenance = Duration.zero
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: timing.heartbeat)
            } catch {
                return
            }
            sinceMaintenance += timing.heartbeat
            do {
                try await registerHeartbeat()
                let instances = try await storage.liveInstances(seenWithin: timing.liveWindow)
                knownInstances.withLock { $0 = instances }
                if sinceMaintenance >= timing.maintenance {
                    sinceMaintenance = .zero
                    try await maintainSharedTables()
                }
            } catch {
                health.recordFailure(error)
            }
        }
    }

    func registerHeartbeat() async throws {
        do {
            try await withDeadline(timing.answerWithin) { [storage, instance] in try await storage.recordHeartbeat(instance) }
            health.recordSuccess()
        } catch {
            health.recordFailure(error)
            throw error
        }
    }

    /// Deletes changes past their retention and instances long gone, on one instance at a time.
    private func maintainSharedTables() async throws {
        let holdFor = timing.maintenance - .seconds(1)
        guard try await storage.acquireLease(Self.maintenanceJob, holder: instance.id, for: holdFor) else { return }
        let pruned = try await storage.pruneChanges(olderThan: timing.changeRetention)
        let forgotten = try await storage.forgetInstances(silentFor: timing.forgetInstancesAfter)
        if pruned + forgotten > 0 {
            logger.debug("Cluster housekeeping: \(pruned) old changes and \(forgotten) long-gone instances deleted.")
        }
    }
}
