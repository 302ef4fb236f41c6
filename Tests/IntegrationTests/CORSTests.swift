import AsyncHTTPClient
import Foundation
import Gateway
import NIOCore
import Testing

/// Browser clients may call the proxy routes from any origin; the admin panel allows none.
@Suite struct CORSTests {
    private func preflight(_ harness: GatewayHarness, _ path: String) async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: harness.baseURL + path)
        request.method = .OPTIONS
        request.headers.add(name: "Origin", value: "https://chat.example.com")
        request.headers.add(name: "Access-Control-Request-Method", value: "POST")
        request.headers.add(name: "Access-Control-Request-Headers", value: "authorization, content-type")
        return try await HTTPClient.shared.execute(request, timeout: .seconds(10))
    }

    @Test func proxyRoutesAllowAnyOriginWithoutCredentials() async throws {
        try await GatewayHarness.run(keys: [testKey("cors-a")]) { harness in
            let response = try await preflight(harness, "/v1/chat/completions")
            #expect(response.status == .noContent)
            #expect(response.headers.first(name: "Access-Control-Allow-Origin") == "*")
            #expect(response.headers.first(name: "Access-Control-Allow-Headers") == "authorization, content-type")
            #expect(response.headers.first(name: "Access-Control-Allow-Credentials") == nil)

            let reply = try await harness.generate()
            #expect(reply.header("Access-Control-Allow-Origin") == "*")
            // Errors carry it too, so a page can read why it failed.
            let denied = try await harness.generate(token: "sk-wrong")
            #expect(denied.status == 401)
            #expect(denied.header("Access-Control-Allow-Origin") == "*")
        }
    }

    @Test func adminRoutesGetNoCORS() async throws {
        try await GatewayHarness.run(keys: [testKey("cors-b")]) { harness in
            let response = try await preflight(harness, "/api/config")
            #expect(response.headers.first(name: "Access-Control-Allow-Origin") == nil)
        }
    }

    @Test func googleSDKCallsToV1ModelsGetGoogleShapedErrors() async throws {
        try await GatewayHarness.run(keys: [testKey("cors-c")]) { harness in
            var request = HTTPClientRequest(url: harness.baseURL + "/v1/models")
            request.headers.add(name: "x-goog-api-key", value: "sk-wrong")
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
            #expect(response.status == .unauthorized)
            #expect(body.contains(#""status""#) && body.contains("UNAUTHENTICATED"))
        }
    }
}
