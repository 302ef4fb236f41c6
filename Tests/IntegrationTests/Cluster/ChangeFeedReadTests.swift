import Foundation
import StorageSQL
import Testing

@testable import Gateway

/// Reading the change feed when a full page of changes lies above a hole.
@Suite struct ChangeFeedReadTests {
    @Test func aFullPageAboveAHoleIsReadOnceAndNotAgainUntilTheNextRound() async throws {
        try await GatewayHarness.run(keys: [testKey("feed")]) { harness in
            let storage = try #require(harness.services.storage as? SQLStorage)
            let cluster = harness.services.cluster
            for _ in 0..<(ClusterSync.feedPage + 2) {
                try await storage.publishChange(ClusterChange(kind: .keyStates, origin: "another-instance", payload: "[]"))
            }
            // The first change is not visible yet (its transaction is still open, as it were).
            try await storage.driver.execute("DELETE FROM gg_changes WHERE id = (SELECT MIN(id) FROM gg_changes)", [])
            let lowest = try await storage.changes(after: 0, limit: 1).first?.id ?? 1
            cluster.feed.withLock { $0.cursor = ChangeCursor(floor: lowest - 2) }

            let started = ContinuousClock.now
            await cluster.readFeed()
            let took = ContinuousClock.now - started
            #expect(took < .seconds(2), "read the page above the hole until its grace ended: \(took)")
            #expect(cluster.feed.withLock { $0.cursor.floor } == lowest - 2, "the hole is still in its grace")
        }
    }
}
