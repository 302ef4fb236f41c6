import FakeGemini
import Foundation
import Gateway
import Testing

/// Issue 2: every call succeeds over a mix of bad keys; only the key at fault pays, only for
/// the model concerned.
@Suite struct FailoverTests {
    let invalid = testKey("fo-invalid")
    let perMinute = testKey("fo-minute")
    let perDay = testKey("fo-day")
    let good = testKey("fo-good")
    let flash = "gemini-2.5-flash"
    let pro = "gemini-2.5-pro"

    @Test func mixedKeysAllCallsSucceed() async throws {
        let fake = FakeGemini()
        fake.script(invalid, .invalidKey)
        // Long enough that the first rounds finish inside it even on a busy machine.
        fake.script(perMinute, .quotaPerMinute(retryDelaySeconds: 5, models: [flash]))
        fake.script(perDay, .quotaPerDay(models: [flash]))
        let environment = ["MAX_FAILURES": "2", "MAX_RETRIES": "4"]
        try await GatewayHarness.run(keys: [invalid, perMinute, perDay, good], environment: environment, fake: fake) { harness in
            for _ in 0..<12 {
                do {
                    let reply = try await harness.generate(model: flash)
                    #expect(reply.status == 200)
                }
            }
            // Benched after MAX_FAILURES key faults, then never sent again.
            #expect(harness.upstreamCalls(key: invalid).count == 2)
            #expect(harness.snapshot(invalid)?.record.status == .invalid)
            // Each quota key was tried once for flash and then skipped for it…
            #expect(harness.upstreamCalls(key: perMinute, model: flash).count == 1)
            #expect(harness.upstreamCalls(key: perDay, model: flash).count == 1)
            #expect(harness.snapshot(perDay)?.activeCooldowns.first?.reason == .perDay)
            // …but still serves another model.
            for _ in 0..<6 {
                do {
                    let reply = try await harness.generate(model: pro)
                    #expect(reply.status == 200)
                }
            }
            #expect(harness.upstreamCalls(key: perMinute, model: pro).count >= 1)
            #expect(harness.upstreamCalls(key: perDay, model: pro).count >= 1)
            #expect(harness.upstreamCalls(key: invalid).count == 2)
            // When the per-minute cooldown ends, the key serves flash again.
            try await Task.sleep(for: .milliseconds(5300))
            for _ in 0..<4 {
                do {
                    let reply = try await harness.generate(model: flash)
                    #expect(reply.status == 200)
                }
            }
            #expect(harness.upstreamCalls(key: perMinute, model: flash).count >= 2)
            #expect(harness.upstreamCalls(key: perDay, model: flash).count == 1)
        }
    }

    @Test func attemptsUsedUpOnRestingKeysWhileAnotherIsFreeAskForAShortWait() async throws {
        let fake = FakeGemini()
        let dayA = testKey("short-day-a"), dayB = testKey("short-day-b"), free = testKey("short-free")
        fake.script(dayA, .quotaPerDay(models: [flash]))
        fake.script(dayB, .quotaPerDay(models: [flash]))
        try await GatewayHarness.run(keys: [dayA, dayB, free], environment: ["MAX_RETRIES": "2"], fake: fake) { harness in
            let first = try await harness.generate(model: flash)
            // Both attempts met a per-day quota, but the third key is idle: no "come back at
            // midnight Pacific" and no "do not retry".
            #expect(first.status == 429)
            #expect(first.header("Retry-After") == "1")
            #expect(first.header("x-should-retry") == nil)
            #expect(try await harness.generate(model: flash).status == 200)
        }
    }

    @Test func clientMistakesAndOverloadPenaliseNoKey() async throws {
        let keys = [testKey("pen-a"), testKey("pen-b"), testKey("pen-c")]
        let fake = FakeGemini()
        try await GatewayHarness.run(keys: keys, fake: fake) { harness in
            // 400: an empty contents list is the client's mistake; answered at once, not retried.
            let badRequest = try await harness.post(
                "/v1beta/models/\(flash):generateContent", body: #"{"contents":[]}"#, token: harness.token)
            #expect(badRequest.status == 400)
            #expect(badRequest.json?["error"]?["message"]?.stringValue?.contains("contents") == true)
            #expect(fake.requests().count == 1)

            // 404: an unknown model; not retried either.
            let unknown = try await harness.generate(model: "gemini-0-nonexistent")
            #expect(unknown.status == 404)
            #expect(fake.requests().count == 2)

            // 503: Google overloaded on every key; retried on other keys, nobody penalised.
            for key in keys { fake.script(key, .overloaded) }
            let overloaded = try await harness.generate()
            #expect(overloaded.status == 503)
            #expect(overloaded.header("x-should-retry") == "false")
            #expect(fake.requests().count == 2 + 3)

            for key in keys {
                let snapshot = try #require(harness.snapshot(key))
                #expect(snapshot.record.status == .active)
                #expect(snapshot.record.consecutiveFailures == 0)
                #expect(snapshot.activeCooldowns.isEmpty)
            }
        }
    }
}
