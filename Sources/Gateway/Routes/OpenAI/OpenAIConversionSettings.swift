import Wire

// The gateway settings a conversion reads, taken from the current snapshot for each request so
// a change in the panel applies to the next request.
extension ModelListSettings {
    init(_ settings: Settings) {
        self.init(
            searchModels: settings.searchModels, imageModels: settings.imageModels,
            thinkingModels: settings.thinkingModels, filteredModels: settings.filteredModels)
    }
}

extension ChatConversionSettings {
    init(_ settings: Settings) {
        self.init(
            modelLists: ModelListSettings(settings),
            thinkingBudgetMap: settings.thinkingBudgetMap,
            showThinkingProcess: settings.showThinking,
            showSearchLink: settings.showSearchLink,
            safetySettings: settings.safetySettings.arrayValue ?? [],
            codeExecutionEnabled: settings[SettingCatalog.codeExecution].boolean ?? false,
            urlContextEnabled: settings[SettingCatalog.urlContextEnabled].boolean ?? false,
            urlContextModels: settings[SettingCatalog.urlContextModels].list ?? [])
    }
}
