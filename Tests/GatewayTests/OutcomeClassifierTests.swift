import Foundation
@testable import Gateway
import Testing

/// Google's real error bodies (gemini-wire.md §4.3), classified as the design table says.
@Suite struct OutcomeClassifierTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func classify(_ status: Int, _ body: String) -> UpstreamVerdict {
        OutcomeClassifier.classify(status: status, body: GoogleErrorBody(data: Data(body.utf8)), now: now)
    }

    @Test func invalidKeyCountsAgainstTheKey() {
        let body = #"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com"}]}}"#
        #expect(classify(400, body) == .keyInvalid(permanent: false))
        // The non-SSE stream wraps it in an array.
        #expect(classify(400, "[\(body)]") == .keyInvalid(permanent: false))
    }

    @Test func leakedAndSuspendedKeysAreBenchedAtOnce() {
        #expect(classify(403, #"{"error":{"code":403,"message":"Your API key was reported as leaked. Please use another API key.","status":"PERMISSION_DENIED"}}"#) == .keyInvalid(permanent: true))
        #expect(classify(403, #"{"error":{"code":403,"message":"Permission denied: Consumer 'api_key:x' has been suspended.","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"CONSUMER_SUSPENDED"}]}}"#) == .keyInvalid(permanent: true))
        #expect(classify(403, #"{"error":{"code":403,"message":"Generative Language API has not been used in project 1 before or it is disabled.","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"SERVICE_DISABLED"}]}}"#) == .keyInvalid(permanent: true))
    }

    @Test func perMinuteQuotaRestsForTheRetryDelay() {
        let body = #"{"error":{"code":429,"message":"You exceeded your current quota.\nPlease retry in 37.29s.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerMinutePerProjectPerModel-FreeTier","quotaValue":"20"}]},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37s"}]}}"#
        #expect(classify(429, body) == .rateLimited(until: now.addingTimeInterval(37), reason: .perMinute))
    }

    @Test func perDayQuotaRestsUntilPacificMidnight() throws {
        let body = #"{"error":{"code":429,"message":"quota","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier","quotaValue":"250"}]},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"20s"}]}}"#
        guard case .rateLimited(let until, .perDay) = classify(429, body) else {
            Issue.record("expected a per-day cooldown")
            return
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "America/Los_Angeles"))
        let parts = calendar.dateComponents([.hour, .minute, .second], from: until)
        #expect(parts.hour == 0 && parts.minute == 0 && parts.second == 0)
        #expect(until > now && until.timeIntervalSince(now) <= 86400)
    }

    @Test func limitZeroMeansTheTierLacksTheModel() {
        let body = #"{"error":{"code":429,"message":"* Quota exceeded for metric: x, limit: 0, model: gemini-2.0-flash","status":"RESOURCE_EXHAUSTED"}}"#
        #expect(classify(429, body) == .rateLimited(until: now.addingTimeInterval(86400), reason: .modelNotOnTier))
    }

    @Test func bare429RestsBriefly() {
        #expect(classify(429, #"{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}"#)
            == .rateLimited(until: now.addingTimeInterval(30), reason: .unspecified))
    }

    @Test func clientMistakesAreNotRetriedAndPenaliseNoKey() {
        #expect(classify(400, #"{"error":{"code":400,"message":"* GenerateContentRequest.contents: contents is not specified\n","status":"INVALID_ARGUMENT"}}"#) == .requestRejected)
        #expect(classify(404, #"{"error":{"code":404,"message":"models/nope is not found for API version v1beta","status":"NOT_FOUND"}}"#) == .requestRejected)
        #expect(!UpstreamVerdict.requestRejected.isRetryable)
    }

    @Test func googleTroubleIsTransient() {
        #expect(classify(503, #"{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}"#) == .transient)
        #expect(classify(500, #"{"error":{"code":500,"message":"An internal error has occurred.","status":"INTERNAL"}}"#) == .transient)
        #expect(classify(504, "") == .transient)
    }

    @Test func regionAndAuthSchemeAreNobodysKey() {
        #expect(classify(400, #"{"error":{"code":400,"message":"User location is not supported for the API use.","status":"FAILED_PRECONDITION"}}"#) == .regionBlocked)
        #expect(classify(401, #"{"error":{"code":401,"message":"Request had invalid authentication credentials.","status":"UNAUTHENTICATED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ACCESS_TOKEN_TYPE_UNSUPPORTED"}]}}"#) == .gatewayFault)
        #expect(classify(403, #"{"error":{"code":403,"message":"Method doesn't allow unregistered callers (callers without established identity).","status":"PERMISSION_DENIED"}}"#) == .gatewayFault)
    }

    @Test func debugInfoAndKeysNeverReachTheClient() throws {
        let body = #"{"error":{"code":400,"message":"API key not valid: AIzaSyA1234567890abcdefghijklmnopqrstuv","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.DebugInfo","detail":"Invalid API key: AIzaSyA1234567890abcdefghijklmnopqrstuv"}]}}"#
        let parsed = try #require(GoogleErrorBody(data: Data(body.utf8)))
        let text = parsed.sanitizedErrorObject.serializedText
        #expect(!text.contains("AIzaSyA1234567890abcdefghijklmnopqrstuv"))
        #expect(!text.contains("DebugInfo"))
    }

    @Test func aClientCannotBenchKeysByNamingAFieldLikeGooglesMessage() {
        // Google repeats unknown field names in its 400: the words must not read as a bad key.
        #expect(classify(400, #"{"error":{"code":400,"message":"Invalid JSON payload received. Unknown name \"API key not valid\": Cannot find field.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"description":"Invalid JSON payload received. Unknown name \"API key not valid\": Cannot find field."}]}]}}"#) == .requestRejected)
        #expect(classify(400, #"{"error":{"code":400,"message":"Unknown name \"API key expired\"","status":"INVALID_ARGUMENT"}}"#) == .requestRejected)
        #expect(classify(400, #"{"error":{"code":400,"message":"API key expired. Please renew the API key.","status":"INVALID_ARGUMENT"}}"#) == .keyInvalid(permanent: false))
        #expect(classify(403, #"{"error":{"code":403,"message":"Unknown name \"leaked\"","status":"PERMISSION_DENIED"}}"#) == .requestRejected)
    }

    @Test func aForbiddenFileOrModelIsTheRequestsFaultNotTheKeys() {
        #expect(classify(403, #"{"error":{"code":403,"message":"You do not have permission to access the File abc123 or it may not exist.","status":"PERMISSION_DENIED"}}"#) == .requestRejected)
        #expect(classify(403, #"{"error":{"code":403,"message":"Requests from referer <empty> are blocked.","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_HTTP_REFERRER_BLOCKED"}]}}"#) == .keyInvalid(permanent: true))
        #expect(classify(403, #"{"error":{"code":403,"message":"Blocked.","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_SOME_NEW_BLOCK"}]}}"#) == .keyInvalid(permanent: true))
    }

    @Test func anImplausibleRetryDelayIsIgnoredNotFatal() throws {
        for delay in ["1e20s", "-5s", "nans", "inf s"] {
            let body = #"{"error":{"code":429,"message":"Quota exceeded. Please retry in 99999999999999999999s.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"\#(delay)"}]}}"#
            #expect(GoogleErrorBody(data: Data(body.utf8))?.retryDelay == nil, "\(delay)")
            #expect(classify(429, body) == .rateLimited(until: now.addingTimeInterval(30), reason: .unspecified))
        }
        let far = Date(timeIntervalSince1970: 1e300)
        #expect(far.wholeSeconds(after: now) == Int(Int32.max))
        #expect(GatewayError.noKey(.allCooling(model: "m", until: far, reason: .perDay), now: now).retryAfterSeconds == Int(Int32.max))
    }

    @Test func retryDelayFormats() {
        #expect(GoogleErrorBody.seconds(fromDuration: "38.804097346s") == 38.804097346)
        #expect(GoogleErrorBody.seconds(fromDuration: "500ms") == 0.5)
        #expect(GoogleErrorBody.retryDelayInMessage("Please retry in 12.5s.") == 12.5)
    }
}
