import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Wire

extension GatewayError {
    /// The error as an HTTP response in the family's shape.
    public func response(for family: APIFamily) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=UTF-8"]
        if let retryAfterSeconds {
            headers[.retryAfter] = String(retryAfterSeconds)
            headers[HTTPField.Name("retry-after-ms")!] = String(retryAfterSeconds * 1000)
        }
        if retriesExhausted { headers[HTTPField.Name("x-should-retry")!] = "false" }
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: body(for: family))))
    }

    /// The JSON text of the error body.
    public func body(for family: APIFamily) -> String {
        switch family {
        case .gemini:
            return JSONValue.object(["error": googleErrorObject]).prettyText + "\n"
        case .openAI:
            return JSONValue.object([
                "error": .object([
                    "message": .string(message), "type": .string(openAIType),
                    "param": param.map(JSONValue.string) ?? .null, "code": openAICode.map(JSONValue.string) ?? .null,
                ])
            ]).serializedText
        case .gateway:
            return JSONValue.object(["error": .object(["message": .string(message), "code": .int(Int64(status))])]).serializedText
        }
    }

    /// An error event for a stream that already started: `data: {"error":…}` followed by a blank
    /// line. SDKs of both families raise on such a frame.
    public func streamEvent(for family: APIFamily) -> String {
        let payload: JSONValue
        switch family {
        case .gemini, .gateway:
            payload = .object(["error": googleErrorObject])
        case .openAI:
            payload = .object(["error": .object([
                "message": .string(message), "type": .string(openAIType),
                "code": openAICode.map(JSONValue.string) ?? .int(Int64(status)),
            ])])
        }
        return "data: " + payload.serializedText + "\n\n"
    }

    /// The end of a native stream without `alt=sse` that failed after it started: one more array
    /// element, `{"error":…}` as Google writes it, and the closing `]`. `afterElements` says
    /// whether the array already holds elements (its `[` went out); if not, this is the whole array.
    public func jsonArrayEnding(afterElements: Bool) -> String {
        (afterElements ? "\n,\r\n" : "[") + JSONValue.object(["error": googleErrorObject]).prettyText + "\n]"
    }

    /// Google's own error object when there is one; otherwise ours in its shape.
    private var googleErrorObject: JSONValue {
        upstreamError ?? .object([
            "code": .int(Int64(status)), "message": .string(message), "status": .string(googleStatus),
        ])
    }
}

extension JSONValue {
    /// Two-space indented JSON, as Google writes its error bodies.
    var prettyText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
