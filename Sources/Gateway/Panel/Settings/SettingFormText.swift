import Wire

/// Turns what a settings field sends into the text `SettingCodec` reads: lists are edited one
/// item per line, and are sent on as a JSON list.
enum SettingFormText {
    static func normalized(_ text: String, for definition: SettingDefinition) -> String {
        guard case .list = definition.kind else { return text }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("[") { return trimmed }
        let items = trimmed.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "," })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return JSONValue.array(items.map(JSONValue.string)).serializedText
    }
}
