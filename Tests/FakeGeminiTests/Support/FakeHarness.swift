import AsyncHTTPClient
import FakeGemini
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOHTTP1

/// Runs a test against a fresh fake through Hummingbird's router test client (no sockets).
func withFake(
    _ configure: (FakeGemini) -> Void = { _ in },
    _ test: @Sendable (FakeGemini, any TestClientProtocol) async throws -> Void
) async throws {
    let fake = FakeGemini()
    configure(fake)
    let app = FakeGemini.makeApplication(fake: fake, host: "127.0.0.1", port: 0)
    try await app.test(.router) { client in try await test(fake, client) }
}

/// Runs a test against a fresh fake listening on a free loopback port, for AsyncHTTPClient calls
/// that need a real connection (chunked streaming, cut connections, client disconnects).
func withLiveFake(
    _ configure: (FakeGemini) -> Void = { _ in },
    _ test: @Sendable (FakeGemini, LiveFake) async throws -> Void
) async throws {
    let fake = FakeGemini()
    configure(fake)
    let app = FakeGemini.makeApplication(fake: fake, host: "127.0.0.1", port: 0)
    try await app.test(.live) { client in
        try await test(fake, LiveFake(port: client.port!))
    }
}

/// A live fake's address and a few AsyncHTTPClient shortcuts.
struct LiveFake: Sendable {
    let port: Int

    func url(_ pathAndQuery: String) -> String {
        "http://127.0.0.1:\(port)\(pathAndQuery)"
    }

    /// Sends a request and collects the whole body.
    func send(_ pathAndQuery: String, method: HTTPMethod = .POST, headers: [(String, String)] = [], body: String? = nil) async throws -> (HTTPClientResponse, String) {
        let response = try await HTTPClient.shared.execute(request(pathAndQuery, method: method, headers: headers, body: body), timeout: .seconds(30))
        var collected = ByteBuffer()
        for try await chunk in response.body {
            var chunk = chunk
            collected.writeBuffer(&chunk)
        }
        return (response, String(buffer: collected))
    }

    func request(_ pathAndQuery: String, method: HTTPMethod = .POST, headers: [(String, String)] = [], body: String? = nil) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url(pathAndQuery))
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "content-type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        return request
    }
}

extension TestClientProtocol {
    /// POSTs a JSON body and returns the response.
    func post(_ uri: String, _ body: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/json"
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var json: JSON { JSON(parsing: text) }
}

/// A simple chat body: one user turn with `text`, plus any extra top-level JSON members.
func chatBody(_ text: String, extra: String = "") -> String {
    let quoted = String(decoding: try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed]), as: UTF8.self).dropFirst().dropLast()
    return "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\(quoted)}]}]\(extra.isEmpty ? "" : ",")\(extra)}"
}

/// Polls until `condition` holds (the fake records some outcomes after the client has its bytes).
func eventually(timeout: Duration = .seconds(5), _ condition: () -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}
