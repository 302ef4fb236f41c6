import FakeGemini
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Scripted key behaviours")
struct KeyBehaviourTests {
    static func generate(_ model: String = "gemini-2.5-flash", key: String) -> String {
        "/v1beta/models/\(model):generateContent?key=\(key)"
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let behaviour: FakeKeyBehaviour
        let code: Int
        let status: String
        let messagePrefix: String
        let reason: String?
        var testDescription: String { "\(behaviour) → \(code) \(status)" }
    }

    static let errorCases: [ErrorCase] = [
        .init(behaviour: .invalidKey, code: 400, status: "INVALID_ARGUMENT", messagePrefix: "API key not valid.", reason: "API_KEY_INVALID"),
        .init(behaviour: .leaked, code: 403, status: "PERMISSION_DENIED", messagePrefix: "Your API key was reported as leaked.", reason: nil),
        .init(behaviour: .suspended, code: 403, status: "PERMISSION_DENIED", messagePrefix: "Permission denied: Consumer 'api_key:AIzaScripted' has been suspended.", reason: "CONSUMER_SUSPENDED"),
        .init(behaviour: .serviceDisabled, code: 403, status: "PERMISSION_DENIED", messagePrefix: "Generative Language API has not been used in project", reason: "SERVICE_DISABLED"),
        .init(behaviour: .internalError, code: 500, status: "INTERNAL", messagePrefix: "An internal error has occurred.", reason: nil),
        .init(behaviour: .overloaded, code: 503, status: "UNAVAILABLE", messagePrefix: "The model is overloaded.", reason: nil),
        .init(behaviour: .locationBlocked, code: 400, status: "FAILED_PRECONDITION", messagePrefix: "User location is not supported for the API use.", reason: nil),
    ]

    @Test("each failing behaviour answers with Google's status and body", arguments: errorCases)
    func errorBehaviours(_ errorCase: ErrorCase) async throws {
        try await withFake({ $0.script("AIzaScripted", errorCase.behaviour) }) { _, client in
            let response = try await client.post(Self.generate(key: "AIzaScripted"), chatBody("hi"))
            #expect(response.status.code == errorCase.code)
            let error = response.json["error"]
            #expect(error["code"].int == errorCase.code)
            #expect(error["status"].string == errorCase.status)
            #expect(error["message"].string?.hasPrefix(errorCase.messagePrefix) == true)
            let reasons = error["details"].array.compactMap { $0["reason"].string }
            if let reason = errorCase.reason {
                #expect(reasons == [reason])
            } else {
                #expect(reasons.isEmpty)
            }
        }
    }

    @Test("quotaPerMinute: Help, QuotaFailure per minute, RetryInfo with the scripted delay")
    func quotaPerMinute() async throws {
        try await withFake({ $0.script("AIzaQuota", .quotaPerMinute(retryDelaySeconds: 17)) }) { _, client in
            let response = try await client.post(Self.generate(key: "AIzaQuota"), chatBody("hi"))
            #expect(response.status == .tooManyRequests)
            let error = response.json["error"]
            #expect(error["status"].string == "RESOURCE_EXHAUSTED")
            let message = try #require(error["message"].string)
            #expect(message.contains("model: gemini-2.5-flash"))
            #expect(message.hasSuffix("Please retry in 17.804097346s."))
            let details = error["details"].array
            #expect(details.map { $0["@type"].string ?? "" } == [
                "type.googleapis.com/google.rpc.Help", "type.googleapis.com/google.rpc.QuotaFailure",
                "type.googleapis.com/google.rpc.RetryInfo",
            ])
            let violation = details[1]["violations"][0]
            #expect(violation["quotaId"].string == "GenerateRequestsPerMinutePerProjectPerModel-FreeTier")
            #expect(violation["quotaDimensions"]["model"].string == "gemini-2.5-flash")
            #expect(details[2]["retryDelay"].string == "17s")
        }
    }

    @Test("a quota limited to some models leaves the others alone")
    func quotaForSomeModels() async throws {
        try await withFake({ $0.script("AIzaProLimited", .quotaPerMinute(retryDelaySeconds: 5, models: ["models/gemini-2.5-pro"])) }) { _, client in
            let flash = try await client.post(Self.generate("gemini-2.5-flash", key: "AIzaProLimited"), chatBody("hi"))
            let pro = try await client.post(Self.generate("gemini-2.5-pro", key: "AIzaProLimited"), chatBody("hi"))
            #expect(flash.status == .ok)
            #expect(pro.status == .tooManyRequests)
        }
    }

    @Test("quotaPerDay names the per-day quota")
    func quotaPerDay() async throws {
        try await withFake({ $0.script("AIzaDaily", .quotaPerDay()) }) { _, client in
            let response = try await client.post(Self.generate(key: "AIzaDaily"), chatBody("hi"))
            #expect(response.status == .tooManyRequests)
            let quotaIDs = response.json["error"]["details"][1]["violations"].array.compactMap { $0["quotaId"].string }
            #expect(quotaIDs == ["GenerateRequestsPerDayPerProjectPerModel-FreeTier"])
        }
    }

    @Test("quotaLimitZero says 'limit: 0' with quotaValue 0")
    func quotaLimitZero() async throws {
        try await withFake({ $0.script("AIzaZero", .quotaLimitZero()) }) { _, client in
            let response = try await client.post(Self.generate(key: "AIzaZero"), chatBody("hi"))
            #expect(response.status == .tooManyRequests)
            #expect(response.json["error"]["message"].string?.contains("limit: 0, model: gemini-2.5-flash") == true)
            let values = response.json["error"]["details"][1]["violations"].array.compactMap { $0["quotaValue"].string }
            #expect(!values.isEmpty && values.allSatisfy { $0 == "0" })
        }
    }

    @Test("quota and overload do not block listing models; key problems do")
    func listingScope() async throws {
        try await withFake({ fake in
            fake.script("AIzaQuota", .quotaPerDay())
            fake.script("AIzaBusy", .overloaded)
            fake.script("AIzaLeaked", .leaked)
        }) { _, client in
            let quota = try await client.get("/v1beta/models?key=AIzaQuota")
            let busy = try await client.get("/v1beta/models?key=AIzaBusy")
            let leaked = try await client.get("/v1beta/models?key=AIzaLeaked")
            #expect(quota.status == .ok)
            #expect(busy.status == .ok)
            #expect(leaked.status == .forbidden)
        }
    }

    @Test("failTimes fails the first n requests, then behaves as scripted")
    func failTimes() async throws {
        try await withFake({ $0.script("AIzaFlaky", .failTimes(2, failure: .overloaded, then: .valid)) }) { _, client in
            var statuses: [Int] = []
            for _ in 0..<4 {
                statuses.append(try await client.post(Self.generate(key: "AIzaFlaky"), chatBody("hi")).status.code)
            }
            #expect(statuses == [503, 503, 200, 200])
        }
    }

    @Test("slow delays a plain answer by firstEventDelayMs")
    func slowPlainAnswer() async throws {
        try await withFake({ $0.script("AIzaSlow", .slow(firstEventDelayMs: 300)) }) { _, client in
            let start = ContinuousClock.now
            let response = try await client.post(Self.generate(key: "AIzaSlow"), chatBody("hi"))
            #expect(response.status == .ok)
            #expect(ContinuousClock.now - start >= .milliseconds(290))
        }
    }

    @Test("a request error is reported before the key's quota")
    func validationBeforeQuota() async throws {
        try await withFake({ $0.script("AIzaQuota", .quotaPerMinute()) }) { _, client in
            let response = try await client.post(Self.generate(key: "AIzaQuota"), "{\"contents\":[]}")
            #expect(response.status == .badRequest)
        }
    }
}
