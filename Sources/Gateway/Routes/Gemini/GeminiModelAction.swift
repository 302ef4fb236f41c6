import Foundation
import Wire

/// The last path segment of a native call, `gemini-2.5-flash:streamGenerateContent`, split into
/// the model and the method.
///
/// The segment arrives percent-encoded and is decoded here, so the model is checked in the form
/// that goes upstream: a plain name only (`ModelID`). `gemini-2.5-pro%3F:generateContent`
/// would otherwise put a real `?` in the upstream path and slip past `FILTERED_MODELS`, and
/// `%2F..` would climb out of `models/`.
struct GeminiModelAction {
    enum Method: String, CaseIterable {
        case generateContent
        case streamGenerateContent
        case countTokens
        case embedContent
        case batchEmbedContents
        case predict
    }

    let model: String
    let method: Method

    init(_ segment: String) throws(GatewayError) {
        let decoded = segment.removingPercentEncoding ?? segment
        guard let colon = decoded.lastIndex(of: ":") else {
            throw .notFound("Expected models/{model}:{method}, e.g. models/gemini-2.5-flash:generateContent.")
        }
        let name = String(decoded[..<colon])
        let methodName = String(decoded[decoded.index(after: colon)...])
        guard let method = Method(rawValue: methodName) else {
            throw .notFound("Gemgate does not relay the method \(methodName). Supported: \(Method.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        guard !name.isEmpty else { throw .badRequest("The model name is missing before :\(methodName).", param: "model") }
        do {
            self.model = try ModelID.validated(name)
        } catch {
            throw .badRequest(error.message, param: "model")
        }
        self.method = method
    }
}
