import Wire

/// The frame every panel page shares: head (our stylesheet, script and icon only), the header
/// with navigation, language switch and logout, and the data the page's script reads.
enum PanelLayout {
    enum Section: String, CaseIterable, Sendable {
        case monitor
        case settings
        case errorLogs
        case requestLogs

        var path: String {
            switch self {
            case .monitor: "/keys"
            case .settings: "/config"
            case .errorLogs: "/logs"
            case .requestLogs: "/logs/requests"
            }
        }

        var title: PanelString {
            switch self {
            case .monitor: .navMonitor
            case .settings: .navSettings
            case .errorLogs: .navErrorLogs
            case .requestLogs: .navRequestLogs
            }
        }
    }

    /// A whole document. `pageData` goes to the script as JSON in a non-executable element.
    static func document(
        title: String, language: Language, pageName: String, body: Markup, pageData: [String: JSONValue]
    ) -> Markup {
        var data = pageData
        data["page"] = .string(pageName)
        data["lang"] = .string(language.rawValue)
        data["strings"] = .object(Dictionary(uniqueKeysWithValues: PanelString.scriptStrings.map {
            ($0.rawValue, JSONValue.string($0.text.text(for: language)))
        }))
        let json = Markup(trusted: HTMLEscaping.scriptSafeJSON(JSONValue.object(data).serializedText))
        return """
            <html lang="\(language == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>\(title) · Gemgate</title>
            <link rel="stylesheet" href="\(PanelAssets.url(.stylesheet))">
            <link rel="icon" href="\(PanelAssets.url(.icon))" type="image/svg+xml">
            <script src="\(PanelAssets.url(.script))" defer></script>
            </head>
            <body data-page="\(pageName)">
            <script type="application/json" id="panel-data">\(json)</script>
            \(body)
            </body>
            </html>
            """
    }

    /// A page behind the login, with the header and navigation.
    static func adminPage(
        _ page: PanelPage, section: Section, content: Markup, pageData: [String: JSONValue] = [:]
    ) -> Markup {
        let t = page.t
        let navigation = Section.allCases.map { item -> Markup in
            let current: Markup = item == section ? " aria-current=\"page\" class=\"active\"" : ""
            return "<a href=\"\(item.path)\"\(current)>\(t(item.title))</a>"
        }
        var data = pageData
        data["csrf"] = .string(page.session.csrfToken)
        let body: Markup = """
            <header class="topbar">
            <a class="brand" href="/keys" translate="no">Gemgate</a>
            <nav class="mainnav" aria-label="\(t(.mainNavigation))">\(navigation)</nav>
            <div class="topbar-tools">
            \(languageSwitch(page.language, query: page.query, path: section.path))
            <form method="post" action="/logout" class="logout">
            <input type="hidden" name="csrf_token" value="\(page.session.csrfToken)">
            <button type="submit" class="button subtle" id="logout">\(t(.logout))</button>
            </form>
            </div>
            </header>
            <main class="content">
            <h1>\(t(section.title))</h1>
            <div id="flash" class="flash" role="status" aria-live="polite" hidden></div>
            \(content)
            </main>
            \(Dialogs.shared(t))
            """
        return document(title: t(section.title), language: page.language, pageName: section.rawValue, body: body, pageData: data)
    }

    /// 中文 | English, keeping the page's other query parameters.
    static func languageSwitch(_ current: Language, query: PageQuery, path: String) -> Markup {
        let links = [(Language.zh, "中文"), (Language.en, "English")].map { language, name -> Markup in
            if language == current { return "<span class=\"lang current\" lang=\"\(language == .zh ? "zh-CN" : "en")\">\(name)</span>" }
            return "<a class=\"lang\" lang=\"\(language == .zh ? "zh-CN" : "en")\" translate=\"no\" href=\"\(query.setting("lang", language.rawValue).url(path))\">\(name)</a>"
        }
        return "<div class=\"langswitch\">\(links)</div>"
    }
}
