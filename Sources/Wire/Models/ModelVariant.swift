/// An OpenAI-side model id taken apart: the real upstream model and the gateway features its
/// suffixes ask for.
///
/// Suffixes are `-search`, `-image` and `-non-thinking`, in any order and combination
/// (`gemini-2.5-flash-non-thinking-search`). gemini-balance checked the whole prefix against
/// its lists, so combinations never worked there; here each suffix is peeled off and the
/// remaining base is checked.
///
/// Real Gemini model names also end in `-image` (`gemini-2.5-flash-image`), so `-image` is only
/// read as a suffix when the base it leaves is in `IMAGE_MODELS`; otherwise the id is sent
/// upstream as it is. `-search` and `-non-thinking` end no real model name, so a base that is
/// not offered for them is refused with a message saying which setting to change.
/// `-non-thinking` is accepted for any base (gemini-balance never checked it, and saved client
/// configurations use it); `THINKING_MODELS` only decides whether the list shows it.
public struct ModelVariant: Sendable, Equatable {
    /// The id as the client sent it; responses echo it.
    public let requested: String
    /// The model called upstream, without `models/`.
    public let base: String
    /// `-search`: add the Google Search tool.
    public let search: Bool
    /// `-image`: ask for text and image output, without a system instruction.
    public let image: Bool
    /// `-non-thinking`: turn thinking off (or to its minimum where it cannot be off).
    public let nonThinking: Bool

    public init(requested: String, base: String, search: Bool = false, image: Bool = false, nonThinking: Bool = false) {
        self.requested = requested
        self.base = base
        self.search = search
        self.image = image
        self.nonThinking = nonThinking
    }

    static let searchSuffix = "-search"
    static let imageSuffix = "-image"
    static let nonThinkingSuffix = "-non-thinking"

    /// Reads a client model id against the model lists.
    ///
    /// - Throws: `ConversionError` with cause `.invalidRequest` for an empty id or one that is not
    ///   a plain model name (`ModelID`), `.modelNotFound` for a filtered model or a `-search`
    ///   variant of a model not in `SEARCH_MODELS`.
    public static func parse(_ id: String, modelLists: ModelListSettings) throws(ConversionError) -> ModelVariant {
        let trimmed = id.trimmingSpaces
        let name = try ModelID.validated(trimmed)
        var base = name
        var search = false, image = false, nonThinking = false
        // Peel suffixes off the end until none applies; each may appear once.
        while true {
            if !search, base.hasSuffix(searchSuffix) {
                search = true
                base.removeLast(searchSuffix.count)
            } else if !nonThinking, base.hasSuffix(nonThinkingSuffix) {
                nonThinking = true
                base.removeLast(nonThinkingSuffix.count)
            } else if !image, base.hasSuffix(imageSuffix),
                modelLists.imageModels.contains(String(base.dropLast(imageSuffix.count)))
            {
                image = true
                base.removeLast(imageSuffix.count)
            } else {
                break
            }
        }
        guard !base.isEmpty else {
            throw ConversionError(.invalidRequest, "model: '\(trimmed)' names no model before its suffixes.", param: "model")
        }
        if modelLists.isFiltered(base) || modelLists.isFiltered(name) {
            throw ConversionError(
                .modelNotFound, "model: '\(trimmed)' is not available on this gateway (it is in FILTERED_MODELS).",
                param: "model")
        }
        if search, !modelLists.searchModels.contains(base) {
            throw ConversionError(
                .modelNotFound,
                "model: '\(trimmed)' is not offered: \(base) is not in SEARCH_MODELS, so it has no -search variant.",
                param: "model")
        }
        return ModelVariant(requested: trimmed, base: base, search: search, image: image, nonThinking: nonThinking)
    }

    /// `models/gemini-2.5-flash` → `gemini-2.5-flash`.
    static func strippingPrefix(_ name: String) -> String {
        name.hasPrefix("models/") ? String(name.dropFirst("models/".count)) : name
    }
}

extension String {
    var trimmingSpaces: String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
