/// Deleting keys is a settings change (`API_KEYS`), validated and stored like any other, with
/// their weights removed too. It never leaves the gateway without keys unless the admin
/// confirmed deleting the last one (409 otherwise, so the page can ask). The remaining keys are
/// worked out inside the settings' one-save-at-a-time section, so deletes sent at once (several
/// tabs, a script) each remove their keys from what the others left.
enum KeyRemoval {
    static func remove(_ keys: [String], confirmLast: Bool, settings: SettingsStore, t: Translator) async throws -> Int {
        let doomed = Set(keys)
        do {
            return try await settings.update(from: { current in
                let remaining = current.apiKeys.filter { !doomed.contains($0) }
                let removed = current.apiKeys.count - remaining.count
                guard removed > 0 else { return ([:], 0) }
                if remaining.isEmpty && !confirmLast {
                    throw AdminAPI.error(409, t(.confirmDeleteLastKey))
                }
                var changes: [String: SettingValue] = [SettingCatalog.apiKeys.name: .list(remaining)]
                let weights = current[SettingCatalog.keyWeights].numberMap ?? [:]
                if weights.keys.contains(where: doomed.contains) {
                    changes[SettingCatalog.keyWeights.name] = .numberMap(weights.filter { !doomed.contains($0.key) })
                }
                return (changes, removed)
            }).result
        } catch let error as SettingsUpdateError {
            throw SettingsSaving.failure(error, t: t)
        }
    }
}
