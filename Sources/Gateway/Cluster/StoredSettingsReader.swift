/// Turns `t_settings` as read from the database into the settings to run with, when another
/// instance (or gemini-balance, or `gemgate admin`) has changed them.
///
/// Each stored value is decoded and validated like a value saved in the panel. A value that
/// fails keeps what this instance has now, and is named; a setting missing from the table keeps
/// its current value too (a deleted row is not a reason to fall back to a default).
enum StoredSettingsReader {
    static func settings(
        from stored: [String: String], current: Settings, validator: SettingValidator
    ) -> (settings: Settings, rejected: [String]) {
        var settings = current
        var rejected: [String] = []
        for definition in SettingCatalog.all {
            guard let text = stored[definition.name] else { continue }
            do {
                let value = try SettingCodec.decode(text, as: definition)
                if validator.validate(value, for: definition) == nil {
                    settings[definition] = value
                } else {
                    rejected.append(definition.name)
                }
            } catch {
                rejected.append(definition.name)
            }
        }
        return (settings, rejected)
    }
}
