/// The Google extension object of the OpenAI-compatible API: `extra_body.google`.
///
/// Where it lands depends on the client: the OpenAI SDKs merge `extra_body` into the top level
/// (so `extra_body={"google": …}` arrives as `"google"`), while Google's own examples pass
/// `extra_body={"extra_body": {"google": …}}`, which arrives as `extra_body.google`, and some
/// clients nest once more. All three places are read; a deeper one wins over a shallower one.
struct GoogleExtensions {
    var thinkingConfig: JSONValue?
    var safetySettings: JSONValue?
    var cachedContent: String?

    init(request: JSONValue) {
        let candidates = [
            request["google"],
            request.value(at: "extra_body", "google"),
            request.value(at: "extra_body", "extra_body", "google"),
        ]
        for case let google? in candidates where google.objectValue != nil {
            if let value = google.present("thinking_config") ?? google.present("thinkingConfig") {
                thinkingConfig = value
            }
            if let value = google.present("safety_settings") ?? google.present("safetySettings") {
                safetySettings = value
            }
            if let value = (google["cached_content"] ?? google["cachedContent"])?.stringValue, !value.isEmpty {
                cachedContent = value
            }
        }
    }
}
