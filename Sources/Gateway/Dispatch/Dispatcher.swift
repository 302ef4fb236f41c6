import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import Wire

/// Sends a call upstream over the key pool: picks a key, sends, classifies the answer, and
/// either accepts it, retries on another key, or answers the client with a clear error
/// (DESIGN.md §3). Every attempt is logged (one request-log row per attempt, as gemini-balance).
public final class Dispatcher: Sendable {
    let pool: KeyPool
    let upstream: UpstreamClient
    let settings: SettingsStore
    let logs: LogWriter
    let logger: Logger

    /// Error bodies are read up to this size; anything longer is not an error body worth keeping.
    static let errorBodyLimit = 1 << 20

    public init(pool: KeyPool, upstream: UpstreamClient, settings: SettingsStore, logs: LogWriter, logger: Logger) {
        self.pool = pool
        self.upstream = upstream
        self.settings = settings
        self.logs = logs
        self.logger = logger
    }

    /// Sends `call` until a 2xx head arrives; logs the success at once. For answers relayed or
    /// read whole (everything but streams).
    public func send(_ call: UpstreamCall) async throws(GatewayError) -> HTTPClientResponse {
        let accepted = try await attempt(call) { response in response }
        logSuccess(call, accepted: accepted, status: Int(accepted.value.status.code))
        return accepted.value
    }

    /// The retry loop. `accept` runs on a 2xx head and may still reject it (a stream that dies
    /// before its first byte): that counts as a transient failure and the next key is tried.
    /// Nothing has reached the client while this runs, so every retry is invisible to it.
    ///
    /// Cancelling the task (the client left: `CancelOnDisconnectResponder`, `StreamRelay`) ends
    /// the loop with `.clientGone`: no further attempt, and the cut attempt is held against no key.
    public func attempt<Value>(
        _ call: UpstreamCall, accept: (HTTPClientResponse) async throws -> Value
    ) async throws(GatewayError) -> AcceptedAttempt<Value> {
        let maxAttempts = call.fixedKey == nil ? settings.current.maxRetries : 1
        var tried = Set<String>()
        var lastFailure: GatewayError?
        for _ in 0..<maxAttempts {
            if Task.isCancelled { throw .clientGone }
            let key: String
            if let fixed = call.fixedKey {
                key = fixed
            } else {
                switch pool.acquire(model: call.model, excluding: tried) {
                case .key(let chosen): key = chosen
                case .unavailable(let reason):
                    throw finalError(after: lastFailure, unavailable: reason, model: call.model)
                }
            }
            tried.insert(key)
            let started = ContinuousClock.now
            let startedAt = Date()
            let response: HTTPClientResponse
            do {
                response = try await upstream.execute(call.request, key: key)
            } catch {
                if Task.isCancelled { throw .clientGone }
                let failure = GatewayError.unreachable(error)
                record(call, key: key, verdict: .transient, status: nil, started: started, startedAt: startedAt,
                       errorText: String(describing: error))
                lastFailure = failure
                continue
            }
            let status = Int(response.status.code)
            if (200..<300).contains(status) {
                do {
                    let value = try await accept(response)
                    pool.recordSuccess(key: key)
                    return AcceptedAttempt(value: value, key: key, started: started, startedAt: startedAt)
                } catch {
                    if Task.isCancelled { throw .clientGone }
                    record(call, key: key, verdict: .transient, status: status, started: started, startedAt: startedAt,
                           errorText: "The upstream answered \(status) but the body failed before any data: \(error)")
                    lastFailure = .streamFailedBeforeData(error)
                    continue
                }
            }
            let body = (try? await response.body.collect(upTo: Self.errorBodyLimit)) ?? ByteBuffer()
            // A body cut short by the cancellation would be misread (an empty 429 is still a rate limit).
            if Task.isCancelled { throw .clientGone }
            let google = GoogleErrorBody(data: body.readableBytesView)
            let verdict = OutcomeClassifier.classify(status: status, body: google, now: Date())
            record(call, key: key, verdict: verdict, status: status, started: started, startedAt: startedAt,
                   errorText: String(buffer: body), google: google)
            let failure = GatewayError.upstream(status: status, body: google, verdict: verdict, model: call.model)
            guard verdict.isRetryable else { throw failure }
            lastFailure = failure
        }
        throw finalError(after: lastFailure, unavailable: pool.unavailability(for: call.model), model: call.model)
    }

    /// After the attempts ran out: if the pool now has no key for the model (all resting or all
    /// benched), say so (429/503); otherwise pass on the last failure.
    private func finalError(after lastFailure: GatewayError?, unavailable: KeyUnavailability?, model: String) -> GatewayError {
        if let unavailable, unavailable != .allTried || lastFailure == nil {
            return .noKey(unavailable)
        }
        var failure = lastFailure ?? .noKey(.allTried)
        if unavailable == nil, failure.status == 429 {
            // This request used up its attempts on rate-limited keys, but other keys can still
            // serve the model: the client may try again at once, not when the last key's quota
            // returns (which can be hours away for a per-day quota).
            failure.retryAfterSeconds = 1
            return failure
        }
        failure.retriesExhausted = true
        return failure
    }

    // MARK: Logging and pool updates

    /// Applies a failed attempt's verdict to the key and writes the request and error logs.
    func record(
        _ call: UpstreamCall, key: String, verdict: UpstreamVerdict, status: Int?, started: ContinuousClock.Instant,
        startedAt: Date, errorText: String, google: GoogleErrorBody? = nil
    ) {
        let summary = KeyRedactor.redact(google?.message ?? String(errorText.prefix(300)))
        switch verdict {
        case .keyInvalid(let permanent):
            pool.recordKeyFailure(key: key, permanent: permanent, code: status, message: summary)
            logger.warning("Key \(Secret.mask(key)) rejected by Google (\(status.map(String.init) ?? "-")): \(summary)")
        case .rateLimited(let until, let reason):
            pool.recordRateLimit(key: key, model: call.model, until: until, reason: reason, code: status, message: summary)
            logger.info("Key \(Secret.mask(key)) rate-limited for \(call.model) until \(until) (\(reason.rawValue))")
        case .gatewayFault:
            pool.recordNeutralFailure(key: key, code: status, message: summary)
            logger.error("Google refused Gemgate's request format (\(status.map(String.init) ?? "-")): \(summary). This is a Gemgate bug; please report it.")
        case .transient, .requestRejected, .regionBlocked, .success:
            // Not the key's doing: the key's own record stays clean (the logs keep the failure).
            break
        }
        let latency = Int((ContinuousClock.now - started) / .milliseconds(1))
        logs.record(RequestLogEntry(
            time: startedAt, model: call.model, apiKey: key, isSuccess: false, statusCode: status, latencyMs: latency,
            tokenFingerprint: call.tokenFingerprint))
        logs.record(ErrorLogEntry(
            time: startedAt, apiKey: key, model: call.model, errorType: verdict.errorType,
            errorLog: KeyRedactor.redact(String(errorText.prefix(64 * 1024))), errorCode: status,
            requestBody: settings.current.recordRequestBody ? call.bodyForErrorLog : nil))
    }

    /// Writes the request-log row of an accepted attempt.
    public func logSuccess<Value>(_ call: UpstreamCall, accepted: AcceptedAttempt<Value>, status: Int) {
        let latency = Int((ContinuousClock.now - accepted.started) / .milliseconds(1))
        logs.record(RequestLogEntry(
            time: accepted.startedAt, model: call.model, apiKey: accepted.key, isSuccess: true, statusCode: status,
            latencyMs: latency, tokenFingerprint: call.tokenFingerprint))
    }

    /// Writes the rows of an accepted stream that failed after its first byte. The key is not
    /// penalised: a cut connection is nobody's fault that a key could fix.
    public func logStreamFailure<Value>(_ call: UpstreamCall, accepted: AcceptedAttempt<Value>, error: GatewayError) {
        let latency = Int((ContinuousClock.now - accepted.started) / .milliseconds(1))
        logs.record(RequestLogEntry(
            time: accepted.startedAt, model: call.model, apiKey: accepted.key, isSuccess: false, statusCode: 200,
            latencyMs: latency, tokenFingerprint: call.tokenFingerprint))
        logs.record(ErrorLogEntry(
            time: accepted.startedAt, apiKey: accepted.key, model: call.model, errorType: "stream_interrupted",
            errorLog: KeyRedactor.redact(error.cause ?? error.message), errorCode: 200,
            requestBody: settings.current.recordRequestBody ? call.bodyForErrorLog : nil))
    }
}
