/// Why a client request (or, rarely, an upstream answer) could not be converted.
///
/// The gateway turns these into OpenAI error bodies: `message` is written for the person who
/// sent the request and names the field it is about, `param` is the OpenAI-style path of that
/// field (`messages[3].tool_call_id`), and `cause` picks the HTTP status and error code.
public struct ConversionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is; the gateway maps each to a status. The raw value is the
    /// OpenAI error `code`.
    public enum Cause: String, Sendable, Equatable {
        /// A field is missing, has the wrong type or a value out of range (HTTP 400).
        case invalidRequest = "invalid_request"
        /// The model id names a variant that is not offered, or a filtered model (HTTP 404,
        /// OpenAI code `model_not_found`).
        case modelNotFound = "model_not_found"
        /// A tool message or tool call does not fit the conversation (HTTP 400).
        case invalidToolHistory = "invalid_tool_history"
        /// Function-call arguments are not a JSON object (HTTP 400).
        case invalidToolArguments = "invalid_tool_arguments"
        /// Media referenced by URL could not be fetched, or is not allowed (HTTP 400).
        case mediaUnavailable = "media_unavailable"
        /// The request asks for something this gateway cannot translate (HTTP 400).
        case unsupported = "unsupported"
        /// The upstream answer lacks what the conversion needs, e.g. no audio (HTTP 502).
        case upstreamResponse = "upstream_response"
    }

    public let cause: Cause
    public let message: String
    /// The OpenAI-style parameter path, for the error body's `param`.
    public let param: String?

    public init(_ cause: Cause, _ message: String, param: String? = nil) {
        self.cause = cause
        self.message = message
        self.param = param
    }

    public var description: String { message }

    static func invalid(_ param: String, _ message: String) -> ConversionError {
        ConversionError(.invalidRequest, "\(param): \(message)", param: param)
    }
}
