import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Wire

/// Reads a JSON request body within the configured size limit, refusing the wrong content type,
/// an oversized body and malformed JSON with a clear 4xx before anything goes upstream.
public enum RequestBodyReader {
    public struct JSONBody: Sendable {
        /// The bytes as the client sent them: forwarded unchanged on native routes.
        public let bytes: ByteBuffer
        public let json: JSONValue
    }

    public static func readJSON(_ request: Request, limit: Int) async throws(GatewayError) -> JSONBody {
        if let contentType = request.headers[.contentType]?.lowercased(), !contentType.isEmpty,
            !contentType.contains("json"), !contentType.hasPrefix("text/plain")
        {
            throw .unsupportedMediaType(contentType)
        }
        let bytes: ByteBuffer
        do {
            bytes = try await request.body.collect(upTo: limit)
        } catch {
            throw .payloadTooLarge(limitBytes: limit, setBy: SettingCatalog.maxRequestBodyMB.name)
        }
        guard bytes.readableBytes > 0 else {
            throw .badRequest("The request body is empty; send a JSON object.")
        }
        guard let json = JSONValue(parsing: bytes.readableBytesView) else {
            throw .badRequest("The request body is not valid JSON. Check for a missing comma, quote or bracket.")
        }
        guard case .object = json else {
            throw .badRequest("The request body must be a JSON object ({…}).")
        }
        return JSONBody(bytes: bytes, json: json)
    }
}
