import FakeGemini
import Foundation
import Gateway
import Testing
import Wire

/// Issue 2: the native routes forward exactly what the client sent, minus its token.
@Suite struct NativeRoutesTests {
    @Test func bodyIsForwardedAsSentAndTheTokenNeverGoesUpstream() async throws {
        let key = testKey("fwd-a")
        let fake = FakeGemini()
        try await GatewayHarness.run(keys: [key]) { harness in
            // A model turn with a thoughtSignature and a field Gemgate does not know.
            let body = #"{"contents":[{"role":"user","parts":[{"text":"hi"}]},{"role":"model","parts":[{"text":"ok","thoughtSignature":"c2lnbmF0dXJl"}]},{"role":"user","parts":[{"text":"again"}]}],"generationConfig":{"temperature":0.3,"seed":7}}"#
            let reply = try await harness.post("/v1beta/models/gemini-2.5-flash:generateContent?key=\(harness.token)", body: body, token: nil)
            #expect(reply.status == 200)
            let sent = try #require(harness.fake.requests().last)
            #expect(sent.body == body)
            #expect(sent.apiKey == key)
            #expect(sent.query["key"] == nil)
            #expect(!sent.body.contains(harness.token))
            #expect(sent.headers.authorization == nil)
        }
        _ = fake
    }

    @Test func modelsArePagedAndFiltered() async throws {
        try await GatewayHarness.run(keys: [testKey("models-a")], environment: ["FILTERED_MODELS": #"["chat-bison-001"]"#]) { harness in
            var names: [String] = []
            var token: String?
            repeat {
                let page = try await harness.get("/v1beta/models?pageSize=3" + (token.map { "&pageToken=\($0)" } ?? ""), token: harness.token)
                #expect(page.status == 200)
                let models = try #require(page.json?["models"]?.arrayValue)
                #expect(models.count <= 3)
                names += models.compactMap { $0["name"]?.stringValue }
                token = page.json?["nextPageToken"]?.stringValue
            } while token != nil
            #expect(names.contains("models/gemini-2.5-flash"))
            #expect(!names.contains("models/chat-bison-001"))
            #expect(Set(names).count == names.count)

            let one = try await harness.get("/gemini/v1beta/models/gemini-2.5-pro", token: harness.token)
            #expect(one.json?["name"]?.stringValue == "models/gemini-2.5-pro")
            let filtered = try await harness.get("/v1beta/models/chat-bison-001", token: harness.token)
            #expect(filtered.status == 404)
        }
    }

    @Test func embedAndCountPassThrough() async throws {
        try await GatewayHarness.run(keys: [testKey("embed-a")]) { harness in
            let embed = try await harness.post(
                "/v1beta/models/text-embedding-004:embedContent",
                body: #"{"model":"models/text-embedding-004","content":{"parts":[{"text":"vector me"}]},"outputDimensionality":16}"#,
                token: harness.token)
            #expect(embed.status == 200)
            #expect(embed.json?["embedding"]?["values"]?.arrayValue?.count == 16)
            let batch = try await harness.post(
                "/gemini/v1beta/models/text-embedding-004:batchEmbedContents",
                body: #"{"requests":[{"model":"models/text-embedding-004","content":{"parts":[{"text":"a"}]}},{"model":"models/text-embedding-004","content":{"parts":[{"text":"b"}]}}]}"#,
                token: harness.token)
            #expect(batch.json?["embeddings"]?.arrayValue?.count == 2)
            let count = try await harness.post(
                "/v1beta/models/gemini-2.5-flash:countTokens",
                body: #"{"contents":[{"parts":[{"text":"one two three"}]}]}"#, token: harness.token)
            #expect(count.json?["totalTokens"]?.intValue ?? 0 > 0)
        }
    }
}

/// Issue 2: benched keys come back through the re-check job, a few at a time.
@Suite struct RecheckTests {
    @Test func recheckReinstatesKeysThatWorkAgain() async throws {
        let flaky = testKey("re-flaky")
        let dead = testKey("re-dead")
        let good = testKey("re-good")
        let fake = FakeGemini()
        fake.script(flaky, .leaked)
        fake.script(dead, .leaked)
        try await GatewayHarness.run(keys: [flaky, dead, good], environment: ["MAX_RETRIES": "3"], fake: fake) { harness in
            let reply = try await harness.generate()
            #expect(reply.status == 200)
            #expect(Set(harness.services.pool.benchedKeys()) == [flaky, dead])
            // The flaky key's project is fixed; the dead one is not.
            fake.script(flaky, .valid)
            let job = KeyRecheckJob(
                pool: harness.services.pool, verifier: harness.services.verifier, settings: harness.services.settings,
                logger: harness.services.logger)
            #expect(await job.recheckBenchedKeys() == 1)
            #expect(harness.services.pool.benchedKeys() == [dead])
            let recheck = fake.requests().filter { $0.model == harness.services.settings.current.testModel }
            #expect(Set(recheck.compactMap(\.apiKey)) == [flaky, dead])
        }
    }
}

/// Issue 2: old logs go as the AUTO_DELETE_* settings say.
@Suite struct RetentionTests {
    @Test func oldLogsAreDeleted() async throws {
        let environment = ["AUTO_DELETE_REQUEST_LOGS_ENABLED": "true", "AUTO_DELETE_REQUEST_LOGS_DAYS": "1", "AUTO_DELETE_ERROR_LOGS_DAYS": "1"]
        try await GatewayHarness.run(keys: [testKey("ret-a")], environment: environment) { harness in
            let old = Date().addingTimeInterval(-3 * 86400)
            try await harness.services.storage.insertRequestLogs([
                RequestLogEntry(time: old, model: "m", apiKey: "k", isSuccess: true, statusCode: 200, latencyMs: 1),
                RequestLogEntry(time: Date(), model: "m", apiKey: "k", isSuccess: true, statusCode: 200, latencyMs: 1),
            ])
            try await harness.services.storage.insertErrorLogs([
                ErrorLogEntry(time: old, apiKey: "k", model: "m", errorType: "x", errorLog: "old", errorCode: 500),
            ])
            let job = LogRetentionJob(storage: harness.services.storage, settings: harness.services.settings, logger: harness.services.logger)
            let deleted = await job.deleteExpired(now: Date())
            #expect(deleted.requests == 1)
            #expect(deleted.errors == 1)
        }
    }
}
