extension ErrorLogEntry {
    /// The largest request body stored with an error as it is (`t_error_logs.request_msg`).
    /// Bigger bodies (inline images) would exceed MySQL's packet size and fail their batch.
    public static let maxStoredRequestBodyBytes = 1 << 20
    /// How much of a bigger body is kept (it is then stored as a JSON string of that prefix,
    /// with a note of its full size): room is left for the string's quotes and escapes.
    public static let storedRequestBodyPrefixBytes = maxStoredRequestBodyBytes - 1024

    /// The entry with its request body cut as storage would cut it, so that the log buffer never
    /// holds more of a body (up to `MAX_REQUEST_BODY_MB`) than is written.
    func cutToStoredSize() -> ErrorLogEntry {
        guard let body = requestBody, body.utf8.count > Self.maxStoredRequestBodyBytes else { return self }
        var cut = self
        cut.requestBody = TextFitting.fit(body, maxCharacters: nil, maxBytes: Self.storedRequestBodyPrefixBytes)
        return cut
    }

    /// About how much memory the entry holds while buffered: its texts, and a little for the rest.
    var bufferedBytes: Int {
        128 + errorType.utf8.count + errorLog.utf8.count + (requestBody?.utf8.count ?? 0)
            + (apiKey?.utf8.count ?? 0) + (model?.utf8.count ?? 0)
    }
}
