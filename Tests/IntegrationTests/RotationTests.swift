import FakeGemini
import Foundation
import Gateway
import Testing

/// Issue 2: how calls spread over healthy keys under each strategy.
@Suite struct RotationTests {
    let keys = [testKey("rot-a"), testKey("rot-b"), testKey("rot-c")]

    private func counts(_ harness: GatewayHarness) -> [String: Int] {
        var counts: [String: Int] = [:]
        for request in harness.fake.requests() where request.action == "generateContent" {
            counts[request.apiKey ?? "", default: 0] += 1
        }
        return counts
    }

    @Test func roundRobinSpreadsEvenly() async throws {
        try await GatewayHarness.run(keys: keys) { harness in
            for _ in 0..<300 {
                do {
                    let reply = try await harness.generate()
                    #expect(reply.status == 200)
                }
            }
            let counts = counts(harness)
            for key in keys { #expect(abs(counts[key, default: 0] - 100) <= 1, "\(counts)") }
        }
    }

    @Test func weightedFollowsWeights() async throws {
        let weights = #"{"\#(keys[0])": 3, "\#(keys[1])": 1, "\#(keys[2])": 1}"#
        try await GatewayHarness.run(keys: keys, environment: ["BALANCE_STRATEGY": "weighted", "KEY_WEIGHTS": weights]) { harness in
            for _ in 0..<300 {
                do {
                    let reply = try await harness.generate()
                    #expect(reply.status == 200)
                }
            }
            let counts = counts(harness)
            let shares = keys.map { Double(counts[$0, default: 0]) / 300 * 100 }
            #expect(abs(shares[0] - 60) <= 5 && abs(shares[1] - 20) <= 5 && abs(shares[2] - 20) <= 5, "\(shares)")
        }
    }

    @Test func leastErrorsAvoidsAKeyThatJustFailed() async throws {
        let fake = FakeGemini()
        // The first key fails once with a key fault, then would work again.
        fake.script(keys[0], .failTimes(1, failure: .invalidKey, then: .valid))
        try await GatewayHarness.run(keys: keys, environment: ["BALANCE_STRATEGY": "least_errors"], fake: fake) { harness in
            for _ in 0..<20 {
                do {
                    let reply = try await harness.generate()
                    #expect(reply.status == 200)
                }
            }
            // Tried first (never used, first in order), failed, and not chosen again afterwards.
            #expect(harness.upstreamCalls(key: keys[0]).count == 1)
            #expect(harness.upstreamCalls(key: keys[1]).count + harness.upstreamCalls(key: keys[2]).count == 20)
        }
    }
}
