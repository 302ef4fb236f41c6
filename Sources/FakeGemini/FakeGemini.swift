import Hummingbird
import Synchronization

/// A fake of Google's Generative Language API (Gemini) for tests and benchmarks.
///
/// It answers the native API under `/v1beta` (and `/v1` for the same paths) and Google's
/// OpenAI-compatible surface under `/v1beta/openai/`, with the real wire formats and real error
/// bodies (see `shared/reference/gemini-wire.md`), so a gateway's retry, cooldown and streaming
/// logic meets what it will meet in production.
///
/// ```swift
/// let fake = FakeGemini()
/// fake.script("AIzaQuota", .quotaPerMinute(retryDelaySeconds: 20))
/// fake.script("AIzaSlow", .slow(firstEventDelayMs: 300, eventIntervalMs: 50, events: 5))
/// let app = FakeGemini.makeApplication(fake: fake, host: "127.0.0.1", port: 0)
/// try await app.test(.live) { client in … }
/// let calls = fake.requests()          // what the gateway sent, newest last
/// ```
///
/// Public API:
/// - `init(recordCapacity:)`: a fake with no scripts; keys starting with `AIza` are valid, others
///   get 400 API_KEY_INVALID.
/// - `script(_:_:)` / `script(_:)`: give keys a `FakeKeyBehaviour` (quota, 403s, 500, 503, slow,
///   stream cut, mid-stream error, fail N times…).
/// - `requests()`: the recorded `RecordedRequest`s, oldest first (ring buffer of `recordCapacity`).
/// - `reset()`: forgets scripts and recorded requests.
/// - `recording`: set to false to stop recording (benchmarks).
/// - `addRoutes(to:)` / `makeRouter()`: the routes, for an application of your own.
/// - `makeApplication(fake:host:port:onListening:)`: a ready Hummingbird application.
///
/// Over HTTP the same controls are `POST /_fake/keys` (`{"key": behaviour}`), `POST /_fake/reset`,
/// `GET /_fake/requests` and `POST /_fake/recording?enabled=false`.
public final class FakeGemini: Sendable {
    let scripts = KeyScriptBook()
    let log: RequestLog
    let signatures = ThoughtSignatures()
    let responseIDs = ResponseIdentifiers()
    private let recordingEnabled = Atomic<Bool>(true)

    /// - Parameter recordCapacity: how many requests `requests()` keeps (the oldest are dropped).
    public init(recordCapacity: Int = 5000) {
        log = RequestLog(capacity: max(1, recordCapacity))
    }

    /// Gives `key` a behaviour; replaces any earlier script for it (and restarts `failTimes` counts).
    public func script(_ key: String, _ behaviour: FakeKeyBehaviour) {
        scripts.script(key, behaviour)
    }

    /// Scripts several keys at once.
    public func script(_ behaviours: [String: FakeKeyBehaviour]) {
        scripts.script(behaviours)
    }

    /// Scripts keys from a JSON object `{"key": behaviour}` (the `--keys-file` format).
    public func script(json: String) throws {
        scripts.script(try FakeKeyBehaviour.scripts(fromJSON: json))
    }

    /// The recorded requests, oldest first.
    public func requests() -> [RecordedRequest] {
        log.all()
    }

    /// Forgets every script and every recorded request.
    public func reset() {
        scripts.reset()
        log.removeAll()
    }

    /// Whether requests are recorded (on by default; benchmarks switch it off).
    public var recording: Bool {
        get { recordingEnabled.load(ordering: .relaxed) }
        set { recordingEnabled.store(newValue, ordering: .relaxed) }
    }
}

extension BehaviourFormatError: CustomStringConvertible {
    var description: String { reason }
}
