import FakeGemini
import Foundation
import Gateway
import Testing

/// Issue 2: benched keys and cooldowns survive a restart.
@Suite struct RestartTests {
    @Test func benchedKeysAndCooldownsSurvive() async throws {
        let leaked = testKey("rs-leaked")
        let quota = testKey("rs-quota")
        let good = testKey("rs-good")
        let keys = [leaked, quota, good]
        let fake = FakeGemini()
        fake.script(leaked, .leaked)
        fake.script(quota, .quotaPerDay(models: ["gemini-2.5-flash"]))
        let data = GatewayHarness.makeDataDirectory()
        try await GatewayHarness.withFake(fake) { upstream in
            try await GatewayHarness.runGateway(
                keys: keys, tokens: ["sk-restart"], environment: [:], upstream: upstream, fake: fake, dataDirectory: data
            ) { harness in
                let reply = try await harness.generate()
                #expect(reply.status == 200)
                #expect(harness.snapshot(leaked)?.record.status == .invalid)
                #expect(harness.snapshot(quota)?.activeCooldowns.count == 1)
            }
            fake.reset()
            try await GatewayHarness.runGateway(
                keys: keys, tokens: ["sk-restart"], environment: [:], upstream: upstream, fake: fake, dataDirectory: data
            ) { harness in
                #expect(harness.snapshot(leaked)?.record.status == .invalid)
                #expect(harness.snapshot(quota)?.activeCooldowns.first?.reason == .perDay)
                for _ in 0..<5 {
                    let reply = try await harness.generate()
                    #expect(reply.status == 200)
                }
                // After the restart neither the benched nor the resting key was sent anything.
                #expect(fake.requests().count == 5)
                #expect(fake.requests().allSatisfy { $0.apiKey == good })
            }
        }
    }
}
