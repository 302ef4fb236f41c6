/// A sentence in the two languages the panel and the error messages speak.
public struct LocalizedText: Sendable, Hashable {
    public let en: String
    public let zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    public func text(for language: Language) -> String {
        language == .zh ? zh : en
    }
}

/// The languages Gemgate speaks.
public enum Language: String, Sendable, CaseIterable {
    case en
    case zh
}
