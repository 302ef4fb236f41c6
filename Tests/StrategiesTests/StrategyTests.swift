import Gateway
import Strategies
import Testing

/// Candidates as the pool would hand them over: configured order, default weight 1.
private func candidates(_ keys: [String], weights: [Int]? = nil, failures: [Int]? = nil, sequences: [UInt64]? = nil) -> KeyCandidates {
    KeyCandidates(keys.enumerated().map { index, key in
        KeyCandidate(
            key: key, position: index, weight: weights?[index] ?? 1, recentFailures: failures?[index] ?? 0,
            lastPickSequence: sequences?[index] ?? 0)
    })
}

/// The same candidates with one position unable to serve.
private func without(_ all: KeyCandidates, _ position: Int) -> KeyCandidates {
    KeyCandidates((0..<all.positions).compactMap { $0 == position ? nil : all.candidate(at: $0) }, positions: all.positions)
}

@Suite struct RoundRobinTests {
    @Test func cyclesThroughKeysInOrder() {
        let strategy = RoundRobinStrategy()
        let all = candidates(["a", "b", "c"])
        let picks = (0..<6).map { _ in strategy.choose(from: all, model: "m")?.key ?? "-" }
        #expect(picks == ["a", "b", "c", "a", "b", "c"])
    }

    @Test func skippedKeyDoesNotShiftTheOthers() {
        let strategy = RoundRobinStrategy()
        let all = candidates(["a", "b", "c"])
        #expect(strategy.choose(from: all, model: "m")?.key == "a")
        // b cannot serve this time: the pool leaves it out.
        #expect(strategy.choose(from: without(all, 1), model: "m")?.key == "c")
        #expect(strategy.choose(from: all, model: "m")?.key == "a")
        #expect(strategy.choose(from: all, model: "m")?.key == "b")
    }

    @Test func spreadsEvenly() {
        let strategy = RoundRobinStrategy()
        let all = candidates(["a", "b", "c"])
        var counts: [String: Int] = [:]
        for _ in 0..<300 { counts[strategy.choose(from: all, model: "m")?.key ?? "-", default: 0] += 1 }
        #expect(counts == ["a": 100, "b": 100, "c": 100])
    }
}

@Suite struct WeightedTests {
    @Test func followsWeights() {
        let strategy = WeightedStrategy()
        let all = candidates(["a", "b", "c"], weights: [3, 1, 1])
        var counts: [String: Int] = [:]
        for _ in 0..<500 { counts[strategy.choose(from: all, model: "m")?.key ?? "-", default: 0] += 1 }
        #expect(counts == ["a": 300, "b": 100, "c": 100])
    }

    @Test func spreadsHeavyKeyOut() {
        let strategy = WeightedStrategy()
        let all = candidates(["a", "b", "c"], weights: [3, 1, 1])
        let picks = (0..<5).map { _ in strategy.choose(from: all, model: "m")?.key ?? "-" }
        // Smooth: a, then the light keys interleaved, never a run of three a's.
        #expect(picks.filter { $0 == "a" }.count == 3)
        #expect(!picks.joined().contains("aaa"))
    }

    @Test func zeroWeightIsLastResort() {
        let strategy = WeightedStrategy()
        let all = candidates(["a", "b"], weights: [0, 2])
        #expect((0..<10).allSatisfy { _ in strategy.choose(from: all, model: "m")?.key == "b" })
        #expect(strategy.choose(from: without(all, 1), model: "m")?.key == "a")
    }
}

@Suite struct LeastErrorsTests {
    @Test func prefersFewestRecentFailures() {
        let strategy = LeastErrorsStrategy()
        let all = candidates(["a", "b", "c"], failures: [2, 0, 1])
        #expect(strategy.choose(from: all, model: "m")?.key == "b")
    }

    @Test func tiesGoToLeastRecentlyPicked() {
        let strategy = LeastErrorsStrategy()
        let all = candidates(["a", "b", "c"], failures: [0, 0, 0], sequences: [7, 3, 9])
        #expect(strategy.choose(from: all, model: "m")?.key == "b")
    }
}

@Suite struct CatalogTests {
    @Test func namesAndDefault() {
        #expect(StandardStrategies.catalog.names == ["round_robin", "least_errors", "weighted"])
        #expect(StandardStrategies.catalog.make("nope") == nil)
        #expect(StandardStrategies.catalog.make("weighted") is WeightedStrategy)
    }
}
