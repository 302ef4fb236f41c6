/// Looks up the panel's strings in one language. `t(.save)` for a phrase; `t(.keysFound, "3")`
/// fills the `{0}`, `{1}`… holes of a phrase with values (which the page escapes later, like
/// any other text).
struct Translator: Sendable {
    let language: Language

    func callAsFunction(_ string: PanelString) -> String {
        string.text.text(for: language)
    }

    func callAsFunction(_ string: PanelString, _ values: String...) -> String {
        var text = string.text.text(for: language)
        for (index, value) in values.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: value)
        }
        return text
    }

    func callAsFunction(_ text: LocalizedText) -> String {
        text.text(for: language)
    }
}
