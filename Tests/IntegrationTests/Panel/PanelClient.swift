import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing
import Wire

/// A browser-like client of the admin panel for integration tests: logs in with a form post,
/// keeps the session cookie, reads the CSRF token from a page, and never follows redirects (so
/// tests see each 303).
struct PanelClient: Sendable {
    static let http = HTTPClient(
        eventLoopGroupProvider: .singleton,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))

    let baseURL: String
    var cookie: String?
    var csrf: String?

    init(baseURL: String) {
        self.baseURL = baseURL
    }

    struct Reply: Sendable {
        let status: Int
        let headers: HTTPHeaders
        let body: String
        var json: JSONValue? { JSONValue(parsing: body) }
        func header(_ name: String) -> String? { headers.first(name: name) }
        var cookies: [String] { headers[canonicalForm: "set-cookie"].map(String.init) }
    }

    /// Logs in with `token`; on success the client holds the session cookie and CSRF token.
    static func login(_ baseURL: String, token: String, headers: [(String, String)] = []) async throws -> (PanelClient, Reply) {
        var client = PanelClient(baseURL: baseURL)
        let reply = try await client.postForm("/auth", ["auth_token": token], headers: headers)
        if reply.status == 303, let cookie = reply.cookies.first(where: { $0.hasPrefix("gemgate_session=") }) {
            client.cookie = String(cookie.split(separator: ";")[0])
            let page = try await client.get("/keys")
            client.csrf = Self.csrfToken(in: page.body)
        }
        return (client, reply)
    }

    static func csrfToken(in html: String) -> String? {
        guard let start = html.range(of: "<script type=\"application/json\" id=\"panel-data\">"),
              let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return JSONValue(parsing: String(html[start.upperBound..<end.lowerBound]))?["csrf"]?.stringValue
    }

    func get(_ path: String, headers: [(String, String)] = []) async throws -> Reply {
        try await send(.GET, path, body: nil, contentType: nil, headers: headers)
    }

    /// A JSON call; `csrf: false` leaves the token out.
    func call(_ method: HTTPMethod, _ path: String, _ body: JSONValue? = nil, csrf: Bool = true) async throws -> Reply {
        var headers: [(String, String)] = []
        if csrf, let token = self.csrf { headers.append(("X-CSRF-Token", token)) }
        return try await send(method, path, body: body.map { $0.serializedText }, contentType: "application/json", headers: headers)
    }

    func postForm(_ path: String, _ fields: [String: String], headers: [(String, String)] = []) async throws -> Reply {
        let body = fields.map { name, value in
            name + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }.joined(separator: "&")
        return try await send(.POST, path, body: body, contentType: "application/x-www-form-urlencoded", headers: headers)
    }

    func send(_ method: HTTPMethod, _ path: String, body: String?, contentType: String?, headers: [(String, String)]) async throws -> Reply {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let cookie { request.headers.add(name: "Cookie", value: cookie) }
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await Self.http.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 32 << 20)
        return Reply(status: Int(response.status.code), headers: response.headers, body: String(buffer: bytes))
    }
}

extension GatewayHarness {
    /// The panel client logged in with the admin token.
    func panel(adminToken: String) async throws -> PanelClient {
        let (client, reply) = try await PanelClient.login(baseURL, token: adminToken)
        #expect(reply.status == 303, "login: \(reply.status) \(reply.body.prefix(200))")
        #expect(client.csrf != nil)
        return client
    }
}
