/// The gateway settings that shape a chat conversion. The gateway builds one from its current
/// settings for each request, so a change applies to the next request.
public struct ChatConversionSettings: Sendable, Equatable {
    /// `SEARCH_MODELS`, `IMAGE_MODELS`, `THINKING_MODELS`, `FILTERED_MODELS`.
    public var modelLists: ModelListSettings
    /// `THINKING_BUDGET_MAP`: base model name → thinking budget, used when the client asks for
    /// nothing itself. Looked up by the base name, so `x-search` uses the entry for `x`.
    public var thinkingBudgetMap: [String: Double]
    /// `SHOW_THINKING_PROCESS`: ask thinking models for thought summaries (`includeThoughts`),
    /// which come back as `reasoning_content`.
    public var showThinkingProcess: Bool
    /// `SHOW_SEARCH_LINK`: append the grounding sources to answers.
    public var showSearchLink: Bool
    /// `SAFETY_SETTINGS`: sent when the client sets none; empty sends none.
    public var safetySettings: [JSONValue]
    /// `TOOLS_CODE_EXECUTION_ENABLED`.
    public var codeExecutionEnabled: Bool
    /// `URL_CONTEXT_ENABLED` and `URL_CONTEXT_MODELS`.
    public var urlContextEnabled: Bool
    public var urlContextModels: Set<String>

    public init(
        modelLists: ModelListSettings = ModelListSettings(),
        thinkingBudgetMap: [String: Double] = [:],
        showThinkingProcess: Bool = true,
        showSearchLink: Bool = true,
        safetySettings: [JSONValue] = [],
        codeExecutionEnabled: Bool = false,
        urlContextEnabled: Bool = false,
        urlContextModels: some Sequence<String> = [String]()
    ) {
        self.modelLists = modelLists
        self.thinkingBudgetMap = Dictionary(
            thinkingBudgetMap.map { (ModelVariant.strippingPrefix($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.showThinkingProcess = showThinkingProcess
        self.showSearchLink = showSearchLink
        self.safetySettings = safetySettings
        self.codeExecutionEnabled = codeExecutionEnabled
        self.urlContextEnabled = urlContextEnabled
        self.urlContextModels = Set(urlContextModels.map(ModelVariant.strippingPrefix))
    }
}
