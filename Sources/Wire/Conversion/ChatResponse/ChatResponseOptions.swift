/// What the response converters need to know about the request they answer. The request
/// converter puts one in its plan; build one by hand for fake streams or tests.
public struct ChatResponseOptions: Sendable, Equatable {
    /// The model id the client sent; every answer echoes it as `model` (clients compare ids).
    public var requestedModel: String
    /// Append Google Search sources (`groundingMetadata.groundingChunks[].web`) to the answer
    /// text: `SHOW_SEARCH_LINK`.
    public var showSearchLinks: Bool

    public init(requestedModel: String, showSearchLinks: Bool = false) {
        self.requestedModel = requestedModel
        self.showSearchLinks = showSearchLinks
    }
}
