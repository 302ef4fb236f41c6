import Hummingbird

/// Which language a panel page speaks: `?lang=` when the admin just switched, else the
/// `gemgate_lang` cookie that remembers the switch, else the language of the admin's session
/// (the one the login page spoke), else the browser's `Accept-Language`.
enum LanguageChoice {
    static let cookieName = "gemgate_lang"

    /// The language, and whether the choice came from `?lang=` (and should be remembered).
    static func resolve(_ request: Request, sessionLanguage: Language? = nil) -> (language: Language, chosenNow: Bool) {
        if let requested = request.uri.queryParameters["lang"].flatMap({ Language(rawValue: String($0)) }) {
            return (requested, true)
        }
        if let remembered = request.cookies[cookieName].flatMap({ Language(rawValue: $0.value) }) {
            return (remembered, false)
        }
        if let sessionLanguage { return (sessionLanguage, false) }
        return (fromAcceptLanguage(request.headers[.acceptLanguage]), false)
    }

    /// The first language the browser ranks highest that we speak (`zh-CN,zh;q=0.9,en;q=0.8`
    /// → Chinese); English when it names neither.
    static func fromAcceptLanguage(_ header: String?) -> Language {
        guard let header else { return .en }
        var best: (language: Language, quality: Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased(), !tag.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            let language: Language?
            if tag == "zh" || tag.hasPrefix("zh-") { language = .zh }
            else if tag == "en" || tag.hasPrefix("en-") { language = .en }
            else { language = nil }
            guard let language, quality > 0 else { continue }
            if best == nil || quality > best!.quality { best = (language, quality) }
        }
        return best?.language ?? .en
    }

    /// The cookie that remembers a choice for a year. Not secret, but only the server reads it.
    static func cookie(_ language: Language, secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: language.rawValue, maxAge: 365 * 86_400, path: "/", secure: secure,
               httpOnly: true, sameSite: .lax)
    }
}
