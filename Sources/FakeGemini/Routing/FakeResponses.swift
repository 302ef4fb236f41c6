import Foundation
import HTTPTypes
import Hummingbird

/// How an error body is delivered, which depends on the call (wire reference §4.2).
enum ErrorDelivery: Sendable {
    /// `application/json; charset=UTF-8`, pretty body with a trailing newline.
    case json
    /// A failing `streamGenerateContent?alt=sse`: the same body, no `data:` prefix, but
    /// `Content-Type: text/event-stream`.
    case eventStream
    /// A failing stream without `alt=sse`, and the OpenAI-compatible surface: `[{"error":…}]`.
    case arrayWrapped
}

/// Builds the fake's HTTP responses with Google's headers.
enum FakeResponses {
    static let jsonContentType = "application/json; charset=UTF-8"
    static let eventStreamContentType = "text/event-stream"

    /// The headers every Google answer carries (wire reference §1.4).
    static func googleHeaders(contentType: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.vary] = "Origin, X-Origin, Referer"
        headers[.server] = "scaffolding on HTTPServer2"
        headers[.serverTiming] = "gfet4t7; dur=1"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.xFrameOptions] = "SAMEORIGIN"
        headers[.xXSSProtection] = "0"
        return headers
    }

    private static let jsonHeaders = googleHeaders(contentType: jsonContentType)

    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: jsonHeaders, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A pretty-printed document with the trailing newline Google adds.
    static func prettyJSON(_ document: OrderedJSON, status: HTTPResponse.Status = .ok) -> Response {
        json(document.rendered(.pretty) + [UInt8(ascii: "\n")], status: status)
    }

    static func error(_ error: GoogleError, delivery: ErrorDelivery) -> Response {
        let status = HTTPResponse.Status(code: error.code)
        switch delivery {
        case .json:
            return json(error.prettyBody, status: status)
        case .eventStream:
            return Response(
                status: status, headers: googleHeaders(contentType: eventStreamContentType),
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: error.prettyBody)))
        case .arrayWrapped:
            return json(error.arrayWrappedBody, status: status)
        }
    }

    /// Google's front end answers unknown paths with an HTML page, not JSON.
    static func notFoundPage(path: String) -> Response {
        let escaped = path.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        let html = "<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 404 (Not Found)!!1</title>\n"
            + "  <p><b>404.</b> <ins>That’s an error.</ins>\n  <p>The requested URL <code>\(escaped)</code> was not found on this server.  "
            + "<ins>That’s all we know.</ins>\n"
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=UTF-8"
        return Response(status: .notFound, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
