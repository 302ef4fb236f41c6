/// The model lists from the settings that decide which variant ids are offered.
///
/// The gateway fills this from `SEARCH_MODELS`, `IMAGE_MODELS`, `THINKING_MODELS` and
/// `FILTERED_MODELS`; names are compared without a `models/` prefix.
public struct ModelListSettings: Sendable, Equatable {
    /// Bases that get a `-search` variant (Google Search grounding).
    public var searchModels: Set<String>
    /// Bases that get an `-image` variant (text and image output).
    public var imageModels: Set<String>
    /// Bases listed with a `-non-thinking` variant.
    public var thinkingModels: Set<String>
    /// Models hidden from the list and refused.
    public var filteredModels: Set<String>

    public init(
        searchModels: some Sequence<String> = [],
        imageModels: some Sequence<String> = [],
        thinkingModels: some Sequence<String> = [],
        filteredModels: some Sequence<String> = []
    ) {
        self.searchModels = Set(searchModels.map(ModelVariant.strippingPrefix))
        self.imageModels = Set(imageModels.map(ModelVariant.strippingPrefix))
        self.thinkingModels = Set(thinkingModels.map(ModelVariant.strippingPrefix))
        self.filteredModels = Set(filteredModels.map(ModelVariant.strippingPrefix))
    }

    /// Whether `model` (without `models/`) is in `FILTERED_MODELS`, ignoring case: a refusal
    /// must not be sidestepped by spelling the name `Gemini-2.5-Pro`.
    public func isFiltered(_ model: String) -> Bool {
        let lowered = model.lowercased()
        return filteredModels.contains { $0.lowercased() == lowered }
    }
}
