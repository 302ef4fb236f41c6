import AsyncHTTPClient
import NIOCore
import Wire

/// Reads a whole upstream answer that a conversion needs parsed (non-streaming chat, embeddings,
/// images, speech).
enum UpstreamAnswer {
    /// Large enough for several generated images or a long speech answer in base64.
    static let sizeLimit = 256 << 20

    static func json(_ response: HTTPClientResponse) async throws(GatewayError) -> JSONValue {
        let bytes: ByteBuffer
        do {
            bytes = try await response.body.collect(upTo: sizeLimit)
        } catch {
            if Task.isCancelled { throw .clientGone }
            throw GatewayError(
                status: 502, googleStatus: "UNAVAILABLE", openAIType: "server_error",
                message: "Google's answer broke off before it was complete. Try again.",
                cause: String(describing: error))
        }
        guard let json = JSONValue(parsing: bytes.readableBytesView) else {
            throw GatewayError(
                status: 502, googleStatus: "UNAVAILABLE", openAIType: "server_error",
                message: "Google's answer could not be read (it is not JSON). Try again.")
        }
        return json
    }
}
