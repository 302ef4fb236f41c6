import AsyncHTTPClient
import FakeGemini
import Foundation
import Gateway
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOPosix
import StorageSQLite
import Testing
import Strategies
import Wire

/// Runs a fake Gemini upstream and a gateway in this process, on ephemeral ports, with a SQLite
/// database in a temporary folder, and hands the test a small client for both.
struct GatewayHarness {
    let fake: FakeGemini
    let services: GatewayServices
    let port: Int
    let token: String

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// A fresh temporary data folder.
    static func makeDataDirectory() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gemgate-it-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Starts the fake, then the gateway pointed at it, runs `body`, and stops both.
    static func run(
        keys: [String], tokens: [String] = ["sk-integration-token"], environment: [String: String] = [:],
        fake: FakeGemini = FakeGemini(), dataDirectory: String = makeDataDirectory(),
        _ body: @Sendable (GatewayHarness) async throws -> Void
    ) async throws {
        let fakeApp = FakeGemini.makeApplication(fake: fake, host: "127.0.0.1", port: 0)
        try await fakeApp.test(.live) { fakeClient in
            let fakePort = try #require(fakeClient.port)
            try await runGateway(
                keys: keys, tokens: tokens, environment: environment, upstream: "http://127.0.0.1:\(fakePort)/v1beta",
                fake: fake, dataDirectory: dataDirectory, body)
        }
    }

    /// Starts a fake upstream alone and hands over its `/v1beta` URL, for tests that run several
    /// gateways (or restart one) against the same upstream.
    static func withFake(_ fake: FakeGemini, _ body: @Sendable (String) async throws -> Void) async throws {
        try await FakeGemini.makeApplication(fake: fake, host: "127.0.0.1", port: 0).test(.live) { fakeClient in
            try await body("http://127.0.0.1:\(try #require(fakeClient.port))/v1beta")
        }
    }

    /// Starts only the gateway, against an upstream that is already running.
    static func runGateway(
        keys: [String], tokens: [String], environment: [String: String], upstream: String, fake: FakeGemini,
        dataDirectory: String, _ body: @Sendable (GatewayHarness) async throws -> Void
    ) async throws {
        var variables: [String: String] = [
            "API_KEYS": JSONValue.array(keys.map(JSONValue.string)).serializedText,
            "ALLOWED_TOKENS": JSONValue.array(tokens.map(JSONValue.string)).serializedText,
            "BASE_URL": upstream,
            "CHECK_INTERVAL_HOURS": "0",
            "DATA_DIR": dataDirectory,
            "HOST": "127.0.0.1",
        ]
        variables.merge(environment) { $1 }
        let launch = try LaunchEnvironment(variables)
        var logger = Logger(label: "gemgate-test")
        logger.logLevel = .warning
        let storage = try await SQLiteBackend.openStorage(path: launch.sqlitePath, logTimeZone: .current, logger: logger)
        let (services, _) = try await GatewayServices.bootstrap(
            launch: launch, storage: storage, strategies: StandardStrategies.catalog, secrets: SecretRegistry(),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger)
        do {
            try await services.makeApplication().test(.live) { client in
                let harness = GatewayHarness(fake: fake, services: services, port: try #require(client.port), token: tokens[0])
                try await body(harness)
            }
        } catch {
            await services.shutdown()
            throw error
        }
        await services.shutdown()
    }

    // MARK: Calls

    struct Reply: Sendable {
        let status: Int
        let headers: [(String, String)]
        let body: String
        var json: JSONValue? { JSONValue(parsing: body) }
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    /// A native call with the test token in `x-goog-api-key`.
    func generate(model: String = "gemini-2.5-flash", text: String = "hello", token: String? = nil) async throws -> Reply {
        try await post(
            "/v1beta/models/\(model):generateContent",
            body: #"{"contents":[{"role":"user","parts":[{"text":"\#(text)"}]}]}"#, token: token ?? self.token)
    }

    func post(
        _ path: String, body: String, token: String?, contentType: String = "application/json",
        headers: [(String, String)] = []
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: contentType)
        if let token { request.headers.add(name: "x-goog-api-key", value: token) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: body))
        return try await send(request)
    }

    func get(_ path: String, token: String?) async throws -> Reply {
        var request = HTTPClientRequest(url: baseURL + path)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        return try await send(request)
    }

    private func send(_ request: HTTPClientRequest) async throws -> Reply {
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        return Reply(
            status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
            body: String(buffer: body))
    }

    /// Upstream requests the fake saw for `key` (optionally one model).
    func upstreamCalls(key: String, model: String? = nil) -> [RecordedRequest] {
        fake.requests().filter { $0.apiKey == key && (model == nil || $0.model == model) }
    }

    func snapshot(_ key: String) -> KeySnapshot? {
        services.pool.snapshot().first { $0.key == key }
    }
}

/// Keys shaped like Google's (`AIza` + 35 characters), distinct per label.
func testKey(_ label: String) -> String {
    let body = (label + String(repeating: "x", count: 35)).prefix(35)
    return "AIza" + body.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
}
