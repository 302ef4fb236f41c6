import Wire

extension GatewayError {
    /// A request Wire could not convert, as the client sees it: 400 (or 404 for a model that is
    /// not offered) with the offending field in `param`.
    static func conversion(_ error: ConversionError) -> GatewayError {
        let body = error.openAIErrorBody["error"]
        let status = error.httpStatus
        return GatewayError(
            status: status,
            googleStatus: status == 404 ? "NOT_FOUND" : (status >= 500 ? "UNAVAILABLE" : "INVALID_ARGUMENT"),
            openAIType: body?["type"]?.stringValue ?? "invalid_request_error",
            openAICode: body?["code"]?.stringValue,
            param: error.param,
            message: error.message)
    }
}
