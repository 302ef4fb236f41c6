/// How a conversion error is answered to an OpenAI client.
extension ConversionError {
    /// The HTTP status: 404 for an unknown or refused model, 502 when the upstream answer was
    /// unusable, 400 for everything the client can fix in its request.
    public var httpStatus: Int {
        switch cause {
        case .modelNotFound: return 404
        case .upstreamResponse: return 502
        case .invalidRequest, .invalidToolHistory, .invalidToolArguments, .mediaUnavailable, .unsupported: return 400
        }
    }

    /// `{"error":{"message","type","param","code"}}` as the OpenAI SDKs read it.
    public var openAIErrorBody: JSONValue {
        let type: String
        let code: JSONValue
        switch cause {
        case .modelNotFound:
            type = "invalid_request_error"
            code = "model_not_found"
        case .upstreamResponse:
            type = "server_error"
            code = .null
        case .invalidRequest, .invalidToolHistory, .invalidToolArguments, .mediaUnavailable, .unsupported:
            type = "invalid_request_error"
            code = .string(cause.rawValue)
        }
        return ["error": ["message": .string(message), "type": .string(type), "param": param.map(JSONValue.string) ?? .null, "code": code]]
    }
}
