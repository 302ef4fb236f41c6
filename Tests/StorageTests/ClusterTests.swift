import Foundation
import Gateway
import StorageSQL
import Testing

/// The queries behind several instances on one database: registry, leases, change feed. They run
/// on SQLite too (the gateway leaves them idle there), so every backend is checked.
@Suite("Storage: cluster coordination (gg_instances, gg_leases, gg_changes)")
struct ClusterTests {
    static func instance(_ id: String, name: String = "node") -> InstanceRecord {
        InstanceRecord(id: id, name: name, address: "10.0.0.1:8000", version: "0.1.0",
                       startedAt: Date(timeIntervalSince1970: 1_795_776_801.5))
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func heartbeatsListLiveInstancesAndRemovalForgetsThem(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            try await storage.recordHeartbeat(Self.instance("a", name: "网关-一 🚀"))
            try await storage.recordHeartbeat(Self.instance("b"))
            // A second heartbeat updates the row rather than adding one.
            try await storage.recordHeartbeat(Self.instance("a", name: "网关-一 🚀"))
            let live = try await storage.liveInstances(seenWithin: .seconds(15))
            #expect(Set(live.map(\.id)) == ["a", "b"])
            let first = try #require(live.first { $0.id == "a" })
            #expect(first.name == "网关-一 🚀")
            #expect(first.address == "10.0.0.1:8000")
            #expect(first.startedAt == Date(timeIntervalSince1970: 1_795_776_801.5))
            #expect(abs(first.lastSeen.timeIntervalSinceNow) < 60, "last_seen comes from the database's clock")

            try await storage.removeInstance(id: "b")
            #expect(try await storage.liveInstances(seenWithin: .seconds(15)).map(\.id) == ["a"])

            try await Task.sleep(for: .milliseconds(300))
            #expect(try await storage.liveInstances(seenWithin: .milliseconds(100)).isEmpty)
            #expect(try await storage.forgetInstances(silentFor: .milliseconds(100)) == 1)
            #expect(try await storage.liveInstances(seenWithin: .seconds(15)).isEmpty)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func exactlyOneOfManyConcurrentHoldersGetsALease(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            for round in 0..<3 {
                let job = "job-\(round)"
                let winners = await withTaskGroup(of: String?.self) { group in
                    for holder in 0..<8 {
                        group.addTask {
                            let held = (try? await storage.acquireLease(job, holder: "holder-\(holder)", for: .seconds(60))) ?? false
                            return held ? "holder-\(holder)" : nil
                        }
                    }
                    var winners: [String] = []
                    for await winner in group { if let winner { winners.append(winner) } }
                    return winners
                }
                #expect(winners.count == 1, "round \(round): \(winners)")
                let holder = try #require(winners.first)
                #expect(try await storage.leaseHolder(job)?.holder == holder)
            }
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func aLeaseIsRenewedByItsHolderAndTakenOverOnlyAfterItExpires(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            #expect(try await storage.acquireLease("key-recheck", holder: "a", for: .milliseconds(800)))
            #expect(try await storage.acquireLease("key-recheck", holder: "b", for: .seconds(60)) == false)
            // The holder renews; the renewal pushes the expiry out.
            #expect(try await storage.acquireLease("key-recheck", holder: "a", for: .milliseconds(800)))
            #expect(try await storage.leaseHolder("key-recheck")?.holder == "a")
            // Other jobs are independent.
            #expect(try await storage.acquireLease("log-retention", holder: "b", for: .seconds(60)))

            try await Task.sleep(for: .milliseconds(1200))
            #expect(try await storage.acquireLease("key-recheck", holder: "b", for: .seconds(60)))
            #expect(try await storage.acquireLease("key-recheck", holder: "a", for: .seconds(60)) == false)
            #expect(try await storage.leaseHolder("key-recheck")?.holder == "b")
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func changesAreReadBackInOrderAfterAnId(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let payload = #"[{"key":"AIzaSy-键","status":"invalid","cooldowns":[],"replacesCooldowns":false}] 🔑"#
            try await storage.publishChange(ClusterChange(kind: .keyStates, origin: "a", payload: payload))
            try await storage.publishChange(ClusterChange(kind: .keyStates, origin: "b", payload: String(repeating: "x", count: 200_000)))
            try await storage.publishChange(ClusterChange(kind: .settings, origin: nil))
            let all = try await storage.changes(after: 0, limit: 100)
            #expect(all.map(\.kind) == [.keyStates, .keyStates, .settings])
            #expect(all[0].origin == "a")
            #expect(all[0].payload == payload)
            #expect(all[1].payload.count == 200_000)
            #expect(all[2].origin == nil)
            #expect(all.map(\.id) == all.map(\.id).sorted())

            #expect(try await storage.changes(after: all[0].id, limit: 1).map(\.id) == [all[1].id])
            #expect(try await storage.changes(after: all[2].id, limit: 100).isEmpty)
            // Nothing is a minute old yet; everything is older than zero seconds.
            #expect(try await storage.latestChangeID(olderThan: .seconds(60)) == 0)
            try await Task.sleep(for: .milliseconds(50))
            #expect(try await storage.latestChangeID(olderThan: .zero) == all[2].id)

            #expect(try await storage.pruneChanges(olderThan: .seconds(60)) == 0)
            #expect(try await storage.pruneChanges(olderThan: .zero) == 3)
            #expect(try await storage.changes(after: 0, limit: 100).isEmpty)
        }
    }

    /// A settings save announces itself in the same transaction, on the databases instances
    /// share; a SQLite file has one instance and no feed to fill.
    @Test(arguments: StorageBackendUnderTest.available)
    func savingSettingsAnnouncesAChangeOnSharedDatabases(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            try await storage.saveSettings(["ALLOWED_TOKENS": #"["sk-one", "sk-二"]"#])
            let changes = try await storage.changes(after: 0, limit: 10)
            if backend.dialect == .sqlite {
                #expect(storage.isShared == false)
                #expect(changes.isEmpty)
            } else {
                #expect(storage.isShared)
                #expect(changes.map(\.kind) == [.settings])
            }
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func aRefusedSettingsSaveAnnouncesNothing(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            await #expect(throws: (any Error).self) {
                try await storage.saveSettings([String(repeating: "K", count: 101): "x"])
            }
            #expect(try await storage.changes(after: 0, limit: 10).isEmpty)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func theClusterTablesAreCreatedByMigrationSix(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            #expect(try await storage.appliedSchemaVersions().contains(6))
            for table in ["gg_instances", "gg_leases", "gg_changes", "gg_transfer_progress"] {
                #expect(try await !storage.columnNames(of: table).isEmpty, "\(table)")
            }
        }
    }

    /// PostgreSQL pushes each published change to the other instances' LISTEN at once.
    @Test(.enabled(if: PostgresTestServer.isAvailable), .timeLimit(.minutes(1)))
    func postgresSignalsEveryPublishedChange() async throws {
        let backend = try #require(StorageBackendUnderTest.postgres)
        try await withDatabase(backend) { database in
            _ = try await database.storage.prepare()
            let other = try await database.reopen()
            let signals = try #require(other.changeSignals())
            var iterator = signals.makeAsyncIterator()
            #expect(await iterator.next() == .listening)
            try await database.storage.publishChange(ClusterChange(kind: .keyStates, origin: "a", payload: "[]"))
            #expect(await iterator.next() == .changed)
            try await database.storage.saveSettings(["MAX_FAILURES": "5"])
            #expect(await iterator.next() == .changed)
        }
    }

    @Test(.enabled(if: MySQLTestServer.isAvailable))
    func mysqlIsPolledRatherThanSignalled() async throws {
        let backend = try #require(StorageBackendUnderTest.mysql)
        try await withPreparedStorage(backend) { storage async throws in
            #expect(storage.changeSignals() == nil)
        }
    }
}
