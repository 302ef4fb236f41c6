import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A request as the fake sees it: read once from Hummingbird's `Request`, body collected.
struct IncomingCall: Sendable {
    let method: HTTPRequest.Method
    /// The path as sent (percent-encoded), for the record.
    let rawPath: String
    /// The path percent-decoded (`%3A` → `:`), for routing.
    let path: String
    let query: [String: String]
    let headers: HTTPFields
    let body: ByteBuffer
    /// The body did not fit under the size limit (it was cut at the limit).
    let bodyTooLarge: Bool
    /// For delays that end when the caller hangs up.
    let connection: CallerConnection

    /// Google's request size limit.
    static let maximumBodySize = 20 * 1024 * 1024

    init(
        method: HTTPRequest.Method, rawPath: String, query: [String: String], headers: HTTPFields, body: ByteBuffer,
        bodyTooLarge: Bool = false, connection: CallerConnection = CallerConnection(closed: nil)
    ) {
        self.method = method
        self.rawPath = rawPath
        self.path = rawPath.removingPercentEncoding ?? rawPath
        self.query = query
        self.headers = headers
        self.body = body
        self.bodyTooLarge = bodyTooLarge
        self.connection = connection
    }

    static func read(_ request: Request, connectionClosed: EventLoopFuture<Void>? = nil) async -> IncomingCall {
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters {
            query[String(name)] = String(value)
        }
        var body = ByteBuffer()
        var tooLarge = false
        var request = request
        do {
            body = try await request.collectBody(upTo: maximumBodySize)
        } catch {
            tooLarge = true
        }
        return IncomingCall(
            method: request.method, rawPath: request.uri.path, query: query, headers: request.headers, body: body,
            bodyTooLarge: tooLarge, connection: CallerConnection(closed: connectionClosed))
    }

    var bodyText: String {
        body.getString(at: body.readerIndex, length: body.readableBytes) ?? ""
    }
}
