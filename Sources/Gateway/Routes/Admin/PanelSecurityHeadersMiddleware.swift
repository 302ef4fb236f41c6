import HTTPTypes
import Hummingbird
import NIOCore

/// Headers on every panel response (pages, API, assets, login): a strict Content-Security-Policy
/// (scripts and styles only from our own files, nothing inline, no frames, forms post only to
/// us), no framing, no MIME sniffing, no referrer, and no caching of pages or API answers. No
/// CORS header is ever sent, so other origins cannot read anything.
///
/// It also renders errors itself, so that error answers carry the same headers, and in the
/// request's language (Hummingbird's own errors included).
struct PanelSecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = GatewayRequestContext

    static let contentSecurityPolicy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'",
    ].joined(separator: "; ")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as GatewayError {
            response = error.response(for: .gateway)
        } catch let error as HTTPError {
            response = Self.translated(error, t: AdminAPI.translator(for: request), uploadLimit: context.maxUploadSize)
                .response(for: .gateway)
        } catch let error as NIOTooManyBytesError {
            // A body read without `PanelBodyReader`: still the sender's 413, never a 500.
            let t = AdminAPI.translator(for: request)
            response = PanelBodyReader.tooLarge(limit: error.maxBytes ?? context.maxUploadSize, t: t).response(for: .gateway)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    /// Hummingbird's errors in the panel's words; the status stays.
    static func translated(_ error: HTTPError, t: Translator, uploadLimit: Int) -> GatewayError {
        if error.status == .contentTooLarge { return PanelBodyReader.tooLarge(limit: uploadLimit, t: t) }
        var translated = ErrorRenderingMiddleware.translate(error, path: "", uploadLimit: uploadLimit)
        translated.message = t(.panelRequestFailed, "\(error.status.code) \(error.status.reasonPhrase)")
        return translated
    }
}
