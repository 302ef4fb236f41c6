import Hummingbird
import NIOCore

/// Reads a panel request's body within a limit. A bigger body is the sender's mistake: 413 naming
/// the limit, in the admin's language (Hummingbird's own error for it would end as a 500).
enum PanelBodyReader {
    static func collect(_ request: inout Request, upTo limit: Int, t: Translator) async throws -> ByteBuffer {
        do {
            return try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw tooLarge(limit: limit, t: t)
        }
    }

    static func tooLarge(limit: Int, t: Translator) -> GatewayError {
        var error = GatewayError.payloadTooLarge(limitBytes: limit, setBy: nil)
        error.message = t(.requestTooLarge, ByteCountText.of(limit))
        return error
    }
}
