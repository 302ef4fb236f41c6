/// Looks up the panel's strings in one language. `t(.save)` for a phrase; `t(.keysFound, "3")`
/// fills the `{0}`, `{1}`… holes of a phrase with values (which the page escapes later, like
/// any other text).
struct Translator: Sendable {
    let language: Language

    func callAsFunction(_ string: PanelString) -> String {
        string.text.text(for: language)
    }

    func callAsFunction(_ string: PanelString, _ values: String...) -> String {
        Self.fill(string.text.text(for: language), values)
    }

    func callAsFunction(_ text: LocalizedText) -> String {
        text.text(for: language)
    }

    static func fill(_ phrase: String, _ values: [String]) -> String {
        var text = phrase
        for (index, value) in values.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: value)
        }
        return text
    }
}

extension PanelString {
    /// The phrase in both languages with its holes filled, for a message whose language is
    /// chosen later (a settings problem is translated when the answer is written).
    func text(filling values: String...) -> LocalizedText {
        LocalizedText(en: Translator.fill(text.en, values), zh: Translator.fill(text.zh, values))
    }
}
