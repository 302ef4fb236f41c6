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
            // waitAtMost, not a task group: a statement sent as the server vanished may never answer, even
            // when cancelled, and the heartbeat is how an outage is noticed.
            try await waitAtMost(timing.answerWithin) { [storage, instance] in try await storage.recordHeartbeat(instance) }
            health.recordSuccess()
        } catch {
            health.recordFailure(error)
            throw error
        }
    }

    /// Deletes changes past their retention, instances long gone, expired admin sessions and
    /// stale failed logins, on one instance at a time.
    private func maintainSharedTables() async throws {
        let holdFor = timing.maintenance - .seconds(1)
        guard try await storage.acquireLease(Self.maintenanceJob, holder: instance.id, for: holdFor) else { return }
        let pruned = try await storage.pruneChanges(olderThan: timing.changeRetention)
        let forgotten = try await storage.forgetInstances(silentFor: timing.forgetInstancesAfter)
        let sessions = try await storage.deleteExpiredAdminSessions()
        let logins = try await storage.pruneLoginFailures(rule: .adminLogin)
        if pruned + forgotten + sessions + logins > 0 {
            logger.debug("Cluster housekeeping: \(pruned) old changes, \(forgotten) long-gone instances, \(sessions) expired admin sessions and \(logins) stale login failures deleted.")
        }
    }
}
