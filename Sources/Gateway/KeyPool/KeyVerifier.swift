import Foundation
import NIOCore
import NIOHTTP1
import Wire

/// Checks one key with a tiny real call (`TEST_MODEL`, "hi"), used by the re-check job and by
/// the panel's Verify action, and applies the result to the pool.
public struct KeyVerifier: Sendable {
    public enum Result: Sendable, Equatable {
        case valid
        /// Valid, but resting for the test model (its quota is used up).
        case rateLimited(until: Date)
        case invalid(code: Int?, message: String)
        /// Google or the network failed; nothing learned about the key.
        case inconclusive(message: String)

        /// Google accepted the key (a rate limit proves that too).
        public var keyWorks: Bool {
            switch self {
            case .valid, .rateLimited: true
            case .invalid, .inconclusive: false
            }
        }
    }

    let pool: KeyPool
    let upstream: UpstreamClient
    let settings: SettingsStore

    public init(pool: KeyPool, upstream: UpstreamClient, settings: SettingsStore) {
        self.pool = pool
        self.upstream = upstream
        self.settings = settings
    }

    @discardableResult
    public func verify(_ key: String) async -> Result {
        let model = settings.current.testModel
        let body = #"{"contents":[{"role":"user","parts":[{"text":"hi"}]}],"generationConfig":{"maxOutputTokens":16}}"#
        let request = UpstreamRequest(method: .POST, path: "models/\(model):generateContent", body: ByteBuffer(string: body))
        let status: Int
        let google: GoogleErrorBody?
        do {
            let response = try await upstream.execute(request, key: key)
            status = Int(response.status.code)
            let bytes = (try? await response.body.collect(upTo: 1 << 20)) ?? ByteBuffer()
            google = GoogleErrorBody(data: bytes.readableBytesView)
        } catch {
            return .inconclusive(message: KeyRedactor.redact(String(describing: error)))
        }
        let message = KeyRedactor.redact(google?.message ?? "status \(status)")
        switch OutcomeClassifier.classify(status: status, body: google, now: Date()) {
        case .success:
            pool.reinstate(key: key)
            return .valid
        case .rateLimited(let until, let reason):
            // A rate limit proves the key itself is good.
            pool.reinstate(key: key)
            pool.recordRateLimit(key: key, model: model, until: until, reason: reason, code: status, message: message)
            return .rateLimited(until: until)
        case .keyInvalid(let permanent):
            pool.recordKeyFailure(key: key, permanent: permanent, code: status, message: message)
            return .invalid(code: status, message: message)
        case .requestRejected, .regionBlocked, .transient, .gatewayFault:
            pool.recordNeutralFailure(key: key, code: status, message: message)
            return .inconclusive(message: message)
        }
    }
}
