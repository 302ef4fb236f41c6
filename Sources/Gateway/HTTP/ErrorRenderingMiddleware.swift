import Hummingbird
import Logging
import NIOCore

/// The outermost middleware: turns every error into a JSON answer in the caller's API shape,
/// including errors from other middleware and unknown routes. An unexpected error becomes a
/// 500 whose details go to the log (redacted), never to the client.
public struct ErrorRenderingMiddleware: RouterMiddleware {
    public typealias Context = GatewayRequestContext

    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let family = APIFamily.of(request)
        do {
            return try await next(request, context)
        } catch let error as GatewayError {
            if error.status >= 500, let cause = error.cause {
                context.logger.warning("\(request.method) \(request.uri.path) → \(error.status): \(cause)")
            }
            return error.response(for: family)
        } catch let error as HTTPError {
            return Self.translate(error, path: request.uri.path, uploadLimit: context.maxUploadSize).response(for: family)
        } catch let error as NIOTooManyBytesError {
            // A body read with a limit (Hummingbird's decoders use `maxUploadSize`) was too big.
            return GatewayError.payloadTooLarge(limitBytes: error.maxBytes ?? context.maxUploadSize, setBy: nil)
                .response(for: family)
        } catch {
            context.logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            return GatewayError.internalError(String(describing: error)).response(for: family)
        }
    }

    /// Hummingbird's own errors (no route, method not allowed, body too large) in our words. A
    /// body too large for Hummingbird itself was over the context's `uploadLimit`.
    static func translate(_ error: HTTPError, path: String, uploadLimit: Int) -> GatewayError {
        switch error.status.code {
        case 404:
            return .notFound("There is no \(path) here. Gemini clients use /v1beta (or /gemini/v1beta); OpenAI clients use /v1 (or /hf/v1, /openai/v1).")
        case 405:
            return GatewayError(
                status: 405, googleStatus: "INVALID_ARGUMENT", openAIType: "invalid_request_error",
                message: "\(path) does not accept this HTTP method.")
        case 413:
            return .payloadTooLarge(limitBytes: uploadLimit, setBy: nil)
        default:
            return GatewayError(
                status: Int(error.status.code), googleStatus: "INVALID_ARGUMENT", openAIType: "invalid_request_error",
                message: error.body ?? error.status.reasonPhrase)
        }
    }
}
