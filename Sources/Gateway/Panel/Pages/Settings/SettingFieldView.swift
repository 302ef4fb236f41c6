import Wire

/// One setting on the settings page: its label, the setting's name, the input its kind needs,
/// and a place for the validation message. Secret values never enter the page: the input starts
/// empty with the masked value as a hint, and Show fetches the value for this one field.
enum SettingFieldView {
    static func render(_ definition: SettingDefinition, page: PanelPage) -> Markup {
        let t = page.t
        let value = page.settings[definition]
        let id = "setting-" + definition.name
        let input: Markup
        switch definition.name {
        case SettingCatalog.apiKeys.name:
            input = KeyPasteField.render(keys: page.settings.apiKeys, t: t)
        case SettingCatalog.keyWeights.name:
            input = KeyWeightsField.render(t: t)
        case SettingCatalog.authToken.name:
            input = """
                <div class="inline"><input type="password" id="\(id)" data-field placeholder="\(t(.adminTokenUnchanged))" autocomplete="new-password" spellcheck="false" translate="no">
                <button type="button" class="button small" data-generate="token" data-target="\(id)">\(t(.generate))</button></div>
                <p class="muted">\(t(.adminTokenChangeHint))</p>
                """
        case SettingCatalog.balanceStrategy.name:
            input = choice(id: id, current: value.text ?? "", choices: page.services.settings.validator.strategyNames)
        default:
            input = definition.isSecret ? secretInput(definition, value: value, id: id, t: t) : plainInput(definition, value: value, id: id, t: t)
        }
        return """
            <div class="setting" data-setting="\(definition.name)" data-kind="\(kindName(definition.kind))"\(definition.isSecret ? Markup(" data-secret") : .empty)>
            <label class="setting-label" for="\(id)"><span>\(LabelMarkup.render(t(definition.label)))</span> <code translate="no">\(definition.name)</code></label>
            \(input)
            <p class="field-error" role="alert" hidden></p>
            </div>
            """
    }

    static func kindName(_ kind: SettingKind) -> String {
        switch kind {
        case .text: "text"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .list: "list"
        case .map: "map"
        case .numberMap: "numberMap"
        case .json: "json"
        case .choice: "choice"
        }
    }

    private static func plainInput(_ definition: SettingDefinition, value: SettingValue, id: String, t: Translator) -> Markup {
        switch definition.kind {
        case .boolean:
            let checked: Markup = value.boolean == true ? " checked" : ""
            return "<label class=\"switch\"><input type=\"checkbox\" id=\"\(id)\" data-field\(checked)><span>\(t(.enabled))</span></label>"
        case .integer(let range):
            return "<input type=\"number\" id=\"\(id)\" data-field step=\"1\" min=\"\(range.lowerBound)\" max=\"\(range.upperBound)\" value=\"\(SettingCodec.encode(value))\" translate=\"no\">"
        case .number(let range):
            return "<input type=\"number\" id=\"\(id)\" data-field step=\"any\" min=\"\(String(range.lowerBound))\" max=\"\(String(range.upperBound))\" value=\"\(SettingCodec.encode(value))\" translate=\"no\">"
        case .choice(let choices):
            return choice(id: id, current: value.text ?? "", choices: choices)
        case .list:
            let lines = (value.list ?? []).joined(separator: "\n")
            return "<textarea id=\"\(id)\" data-field rows=\"\(min(8, max(2, (value.list ?? []).count + 1)))\" spellcheck=\"false\" translate=\"no\">\(lines)</textarea><p class=\"muted\">\(t(.onePerLine))</p>"
        case .map, .numberMap:
            return "<textarea id=\"\(id)\" data-field rows=\"3\" spellcheck=\"false\" translate=\"no\">\(SettingCodec.encode(value))</textarea><p class=\"muted\">\(t(.jsonObjectHint))</p>"
        case .json:
            let text = value.json.map(\.prettyText) ?? SettingCodec.encode(value)
            return "<textarea id=\"\(id)\" data-field rows=\"8\" spellcheck=\"false\" translate=\"no\">\(text)</textarea>"
        case .text:
            return "<input type=\"text\" id=\"\(id)\" data-field value=\"\(value.text ?? "")\" spellcheck=\"false\" translate=\"no\">"
        }
    }

    /// A secret: masked summary, an empty input that replaces the value when typed into, and Show.
    private static func secretInput(_ definition: SettingDefinition, value: SettingValue, id: String, t: Translator) -> Markup {
        let show: Markup = "<button type=\"button\" class=\"button small\" data-reveal-setting=\"\(definition.name)\" data-target=\"\(id)\">\(t(.show))</button>"
        switch value {
        case .list(let items):
            let preview = items.prefix(5).map(Secret.mask).joined(separator: ", ") + (items.count > 5 ? ", …" : "")
            let generate: Markup = definition.name == SettingCatalog.allowedTokens.name
                ? "<button type=\"button\" class=\"button small\" data-generate=\"token-line\" data-target=\"\(id)\">\(t(.generateToken))</button>"
                : .empty
            return """
                <p class="current"><span>\(t(.currentItems, String(items.count)))</span> <span class="muted" translate="no">\(preview)</span></p>
                <textarea id="\(id)" data-field rows="3" spellcheck="false" translate="no" placeholder="\(t(.secretListPlaceholder))"></textarea>
                <div class="inline">\(show)\(generate)</div><p class="muted">\(t(.onePerLine))</p>
                """
        case .map(let object):
            // The names say what is configured and are no secret; the values are.
            let names = object.keys.sorted().joined(separator: ", ")
            return """
                <p class="current"><span>\(t(.currentItems, String(object.count)))</span> <span class="muted" translate="no">\(names)</span></p>
                <textarea id="\(id)" data-field rows="3" spellcheck="false" translate="no" placeholder="\(t(.secretMapPlaceholder))"></textarea>
                <div class="inline">\(show)</div><p class="muted">\(t(.jsonObjectHint))</p>
                """
        default:
            let text = value.text ?? ""
            let placeholder = text.isEmpty ? t(.notSet) : t(.unchangedSecret, Secret.mask(text))
            return """
                <div class="inline"><input type="password" id="\(id)" data-field placeholder="\(placeholder)" autocomplete="new-password" spellcheck="false" translate="no">\(text.isEmpty ? .empty : show)</div>
                """
        }
    }

    private static func choice(id: String, current: String, choices: [String]) -> Markup {
        let options = choices.map { option -> Markup in
            let selected: Markup = option.caseInsensitiveCompare(current) == .orderedSame ? " selected" : ""
            return "<option value=\"\(option)\"\(selected)>\(option)</option>"
        }
        return "<select id=\"\(id)\" data-field translate=\"no\">\(options)</select>"
    }
}
