/// `API_KEYS` on the settings page: how many keys there are (masked), and a box to paste any
/// text into; the keys in it are found by their pattern, and a summary says what Save will do.
enum KeyPasteField {
    static func render(keys: [String], t: Translator) -> Markup {
        let preview = keys.prefix(5).map(Secret.mask).joined(separator: ", ") + (keys.count > 5 ? ", …" : "")
        return """
            <p class="current"><span>\(t(.currentKeys, String(keys.count)))</span> <span class="muted" translate="no">\(preview)</span> <a href="/keys">\(t(.manageKeysOnMonitor))</a></p>
            <textarea id="key-paste" rows="5" spellcheck="false" translate="no" placeholder="\(t(.pasteKeysPlaceholder))"></textarea>
            <fieldset class="inline radios"><legend>\(t(.pasteMode))</legend>
            <label><input type="radio" name="key-paste-mode" value="add" checked> \(t(.pasteModeAdd))</label>
            <label><input type="radio" name="key-paste-mode" value="replace"> \(t(.pasteModeReplace))</label>
            </fieldset>
            <p id="key-paste-summary" class="summary" aria-live="polite"></p>
            """
    }
}
