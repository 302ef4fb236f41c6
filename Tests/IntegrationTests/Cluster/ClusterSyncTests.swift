import FakeGemini
import Foundation
import Gateway
import Testing

/// Issue 5 item 7: two gateways on one PostgreSQL or MariaDB database stay in step.
@Suite("Cluster: two instances on one database", .timeLimit(.minutes(2)))
struct ClusterSyncTests {
    /// Two gateways on a fresh database behind one fake upstream.
    static func withTwoInstances(
        _ database: SharedDatabase, keys: [String], tokens: [String] = ["sk-cluster-1"], fake: FakeGemini = FakeGemini(),
        environment: [String: String] = [:],
        _ body: @Sendable (_ a: GatewayHarness, _ b: GatewayHarness) async throws -> Void
    ) async throws {
        let (variables, dispose) = try await database.makeFresh()
        do {
            try await GatewayHarness.withFake(fake) { upstream in
                try await ClusterInstance.run(database: variables, keys: keys, tokens: tokens, upstream: upstream, fake: fake,
                                              name: "node-a", environment: environment) { a in
                    try await ClusterInstance.run(database: variables, keys: keys, tokens: tokens, upstream: upstream, fake: fake,
                                                  name: "node-b", environment: environment) { b in
                        try await body(a, b)
                    }
                }
            }
        } catch {
            await dispose()
            throw error
        }
        await dispose()
    }

    @Test(arguments: SharedDatabase.available)
    func aTokenAddedOnOneInstanceIsAcceptedByTheOtherWithinTwoSeconds(_ database: SharedDatabase) async throws {
        try await Self.withTwoInstances(database, keys: [testKey("cl-token")]) { a, b in
            #expect(try await b.generate(token: "sk-added-later").status == 401)
            try await a.services.settings.update(["ALLOWED_TOKENS": .list(["sk-cluster-1", "sk-added-later"])])
            let took = try await secondsUntil(limit: 2) {
                try await b.generate(token: "sk-added-later").status == 200
            }
            #expect(took != nil, "B did not accept the token within 2 s")
            #expect(b.services.settings.current.allowedTokens == ["sk-cluster-1", "sk-added-later"])
            print("cluster[\(database)]: token accepted by the other instance after \(took ?? -1) s")
        }
    }

    @Test(arguments: SharedDatabase.available)
    func aKeyBenchedOnOneInstanceIsNotUsedByTheOtherWithinTwoSeconds(_ database: SharedDatabase) async throws {
        let bad = testKey("cl-bad")
        let good = testKey("cl-good")
        let fake = FakeGemini()
        try await Self.withTwoInstances(database, keys: [bad, good], fake: fake, environment: ["MAX_FAILURES": "1"]) { a, b in
            fake.script(bad, .invalidKey)
            // A meets the bad key and benches it.
            for _ in 0..<4 where a.snapshot(bad)?.record.status != .invalid {
                let reply = try await a.generate()
                #expect(reply.status == 200)
            }
            #expect(a.snapshot(bad)?.record.status == .invalid)
            let took = await secondsUntil(limit: 2) { b.snapshot(bad)?.record.status == .invalid }
            #expect(took != nil, "B did not bench the key within 2 s")
            print("cluster[\(database)]: key benched on the other instance after \(took ?? -1) s")
            // From now on B never sends the benched key upstream.
            let before = fake.requests().filter { $0.apiKey == bad }.count
            for _ in 0..<10 {
                let reply = try await b.generate()
                #expect(reply.status == 200)
            }
            #expect(fake.requests().filter { $0.apiKey == bad }.count == before)

            // Reinstated on B (an admin reset), it serves on A again.
            fake.script(bad, .valid)
            b.services.pool.reset(key: bad)
            let back = await secondsUntil(limit: 2) { a.snapshot(bad)?.record.status == .active }
            #expect(back != nil, "A did not take the key back within 2 s")
        }
    }

    @Test(arguments: SharedDatabase.available)
    func aCooldownForOneModelReachesTheOtherInstance(_ database: SharedDatabase) async throws {
        let tired = testKey("cl-tired")
        let fake = FakeGemini()
        try await Self.withTwoInstances(database, keys: [tired, testKey("cl-fresh")], fake: fake) { a, b in
            fake.script(tired, .quotaPerDay(models: ["gemini-2.5-pro"]))
            for _ in 0..<4 where a.snapshot(tired)?.activeCooldowns.isEmpty ?? true {
                _ = try await a.generate(model: "gemini-2.5-pro")
            }
            #expect(a.snapshot(tired)?.activeCooldowns.map(\.model) == ["gemini-2.5-pro"])
            let took = await secondsUntil(limit: 2) { b.snapshot(tired)?.activeCooldowns.map(\.model) == ["gemini-2.5-pro"] }
            #expect(took != nil)
            #expect(b.snapshot(tired)?.record.status == .active, "a cooldown is not a bench")
            #expect(b.snapshot(tired)?.activeCooldowns.first?.reason == .perDay)
        }
    }

    /// The re-check job body runs where the lease is granted: two instances asking at once,
    /// exactly one verifies the benched key.
    @Test(arguments: SharedDatabase.available)
    func theRecheckRunsOnExactlyOneInstance(_ database: SharedDatabase) async throws {
        let bad = testKey("cl-recheck")
        let fake = FakeGemini()
        try await Self.withTwoInstances(database, keys: [bad, testKey("cl-other")], fake: fake, environment: ["MAX_FAILURES": "1"]) { a, b in
            a.services.pool.recordKeyFailure(key: bad, permanent: true, code: 400, message: "API_KEY_INVALID")
            _ = await secondsUntil(limit: 2) { b.snapshot(bad)?.record.status == .invalid }
            #expect(b.services.pool.benchedKeys() == [bad])
            let before = fake.requests().filter { $0.apiKey == bad }.count
            async let ranOnA = Self.recheckIfLeased(a)
            async let ranOnB = Self.recheckIfLeased(b)
            let ran = await [ranOnA, ranOnB]
            #expect(ran.filter { $0 }.count == 1, "ran on \(ran)")
            #expect(fake.requests().filter { $0.apiKey == bad }.count == before + 1)
            // The verified key comes back on both.
            #expect(await secondsUntil(limit: 2) { a.snapshot(bad)?.record.status == .active && b.snapshot(bad)?.record.status == .active } != nil)
        }
    }

    static func recheckIfLeased(_ instance: GatewayHarness) async -> Bool {
        let services = instance.services
        guard await services.cluster.jobLease.acquire("key-recheck", for: .seconds(3540)) else { return false }
        await KeyRecheckJob(pool: services.pool, verifier: services.verifier, settings: services.settings, logger: services.logger)
            .recheckBenchedKeys()
        return true
    }

    @Test(arguments: SharedDatabase.available)
    func bothInstancesAreListedAsAliveAndAStoppedOneLeavesTheList(_ database: SharedDatabase) async throws {
        let (variables, dispose) = try await database.makeFresh()
        let fake = FakeGemini()
        do {
            try await GatewayHarness.withFake(fake) { upstream in
                try await ClusterInstance.run(database: variables, keys: [testKey("cl-live")], tokens: ["sk-live"], upstream: upstream,
                                              fake: fake, name: "node-a") { a in
                    try await ClusterInstance.run(database: variables, keys: [testKey("cl-live")], tokens: ["sk-live"],
                                                  upstream: upstream, fake: fake, name: "node-b") { b in
                        let both = await secondsUntil(limit: 5) { await a.services.cluster.liveInstances().count == 2 }
                        #expect(both != nil)
                        let names = await a.services.cluster.liveInstances().map(\.name).sorted()
                        #expect(names == ["node-a", "node-b"])
                        #expect(a.services.cluster.status.isShared)
                        #expect(a.services.cluster.status.outage == nil)
                        // The panel lists them (issue 5 item 7).
                        let page = try await a.panel(adminToken: "sk-live").get("/keys").body
                        #expect(page.contains("Instances on this database"))
                        #expect(page.contains("node-a") && page.contains("node-b"))
                    }
                    // B stopped cleanly and removed its row.
                    let alone = await secondsUntil(limit: 5) { await a.services.cluster.liveInstances().map(\.name) == ["node-a"] }
                    #expect(alone != nil)
                }
            }
        } catch {
            await dispose()
            throw error
        }
        await dispose()
    }
}
