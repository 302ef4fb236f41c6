import Wire
/// A complete, validated set of setting values: what the gateway runs with at one moment.
///
/// Values are immutable snapshots; `SettingsStore` swaps in a new one when the admin saves.
public struct Settings: Sendable, Equatable {
    public private(set) var values: [String: SettingValue]

    /// Settings with every catalog default.
    public init() {
        values = Dictionary(uniqueKeysWithValues: SettingCatalog.all.map { ($0.name, $0.defaultValue) })
    }

    public init(values: [String: SettingValue]) {
        self.init()
        for (name, value) in values { self.values[name] = value }
    }

    public subscript(definition: SettingDefinition) -> SettingValue {
        get { values[definition.name] ?? definition.defaultValue }
        set { values[definition.name] = newValue }
    }

    public func value(named name: String) -> SettingValue? { values[name] }

    public mutating func set(_ name: String, _ value: SettingValue) { values[name] = value }
}

// Typed access for the code that uses the values.
extension Settings {
    public var apiKeys: [String] { self[SettingCatalog.apiKeys].list ?? [] }
    public var allowedTokens: [String] { self[SettingCatalog.allowedTokens].list ?? [] }
    /// The stored admin token; `effectiveAdminToken` applies the empty-means-first-token rule.
    public var authToken: String { self[SettingCatalog.authToken].text ?? "" }
    /// gemini-balance's rule: an empty `AUTH_TOKEN` means the first allowed token.
    public var effectiveAdminToken: String? {
        if !authToken.isEmpty { return authToken }
        return allowedTokens.first
    }
    public var baseURL: String {
        var url = self[SettingCatalog.baseURL].text ?? ""
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
    public var customHeaders: [String: String] { self[SettingCatalog.customHeaders].map ?? [:] }
    public var maxFailures: Int { self[SettingCatalog.maxFailures].integer ?? 3 }
    public var maxRetries: Int { max(1, self[SettingCatalog.maxRetries].integer ?? 3) }
    public var timeoutSeconds: Int { self[SettingCatalog.timeout].integer ?? 300 }
    public var checkIntervalHours: Int { self[SettingCatalog.checkIntervalHours].integer ?? 1 }
    public var testModel: String { self[SettingCatalog.testModel].text ?? "gemini-2.5-flash-lite" }
    public var maxRequestBodyBytes: Int { (self[SettingCatalog.maxRequestBodyMB].integer ?? 32) * 1024 * 1024 }
    public var filteredModels: [String] { self[SettingCatalog.filteredModels].list ?? [] }
    /// Whether a model id (without `models/`) is turned off by `FILTERED_MODELS`: the one rule,
    /// Wire's, for every route that takes a model.
    public func isFilteredModel(_ model: String) -> Bool {
        ModelListSettings(filteredModels: filteredModels).isFiltered(model)
    }
    /// Refuses a model `FILTERED_MODELS` turns off, as an unknown model (404) saying why.
    func requireNotFiltered(_ model: String) throws(GatewayError) {
        if isFilteredModel(model) {
            throw GatewayError.modelNotFound(model, reason: "is turned off on this gateway (FILTERED_MODELS).")
        }
    }
    public var searchModels: [String] { self[SettingCatalog.searchModels].list ?? [] }
    public var imageModels: [String] { self[SettingCatalog.imageModels].list ?? [] }
    public var thinkingModels: [String] { self[SettingCatalog.thinkingModels].list ?? [] }
    public var thinkingBudgetMap: [String: Double] { self[SettingCatalog.thinkingBudgetMap].numberMap ?? [:] }
    public var showThinking: Bool { self[SettingCatalog.showThinking].boolean ?? true }
    public var showSearchLink: Bool { self[SettingCatalog.showSearchLink].boolean ?? true }
    public var safetySettings: JSONValue { self[SettingCatalog.safetySettings].json ?? .array([]) }
    public var fakeStreamEnabled: Bool { self[SettingCatalog.fakeStream].boolean ?? false }
    public var fakeStreamIntervalSeconds: Int { self[SettingCatalog.fakeStreamInterval].integer ?? 5 }
    public var streamKeepAliveSeconds: Int { self[SettingCatalog.streamKeepAliveSeconds].integer ?? 15 }
    public var paidKey: String { self[SettingCatalog.paidKey].text ?? "" }
    public var createImageModel: String { self[SettingCatalog.createImageModel].text ?? "imagen-3.0-generate-002" }
    public var ttsModel: String { self[SettingCatalog.ttsModel].text ?? "gemini-2.5-flash-preview-tts" }
    public var ttsVoice: String { self[SettingCatalog.ttsVoice].text ?? "Zephyr" }
    public var ttsSpeed: String { self[SettingCatalog.ttsSpeed].text ?? "normal" }
    public var proxies: [String] { self[SettingCatalog.proxiesList].list ?? [] }
    public var proxiesConsistentHash: Bool { self[SettingCatalog.proxiesConsistentHash].boolean ?? true }
    public var recordRequestBody: Bool { self[SettingCatalog.recordRequestBody].boolean ?? false }
    public var autoDeleteErrorLogs: Bool { self[SettingCatalog.autoDeleteErrorLogs].boolean ?? true }
    public var autoDeleteErrorLogsDays: Int { self[SettingCatalog.autoDeleteErrorLogsDays].integer ?? 7 }
    public var autoDeleteRequestLogs: Bool { self[SettingCatalog.autoDeleteRequestLogs].boolean ?? false }
    public var autoDeleteRequestLogsDays: Int { self[SettingCatalog.autoDeleteRequestLogsDays].integer ?? 30 }
    public var logLevel: String { self[SettingCatalog.logLevel].text ?? "INFO" }
    public var balanceStrategy: String { self[SettingCatalog.balanceStrategy].text ?? "round_robin" }
    /// Weights for the weighted strategy; keys without an entry weigh 1. Clamped to 0…1,000
    /// (the panel's range) because a value from the environment or database is not checked
    /// there, and a huge one (1e20) would trap in `Int(_:)`.
    public var keyWeights: [String: Int] {
        (self[SettingCatalog.keyWeights].numberMap ?? [:]).mapValues { Int(min(max($0.rounded(), 0), 1_000)) }
    }
    public var adminSessionSeconds: Int { self[SettingCatalog.adminSessionExpire].integer ?? 3600 }
    public var trustedProxies: [String] { self[SettingCatalog.trustedProxies].list ?? [] }
}
