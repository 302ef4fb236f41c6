/// `/`: one password field for the admin token, a language switch, and a message when the
/// last attempt failed or the address is locked out.
enum LoginPage {
    enum Notice: Sendable, Equatable {
        case none
        case wrongToken
        case lockedOut(minutes: Int)
        case loggedOut
        case sessionEnded
        /// The shared database that keeps sessions does not answer.
        case databaseUnavailable
    }

    static func render(language: Language, notice: Notice, query: PageQuery) -> Markup {
        let t = Translator(language: language)
        let message: Markup
        switch notice {
        case .none: message = .empty
        case .wrongToken: message = "<p class=\"notice error\" role=\"alert\">\(t(.loginWrongToken))</p>"
        case .lockedOut(let minutes): message = "<p class=\"notice error\" role=\"alert\">\(t(.loginLockedOut, String(minutes)))</p>"
        case .loggedOut: message = "<p class=\"notice ok\" role=\"status\">\(t(.loggedOut))</p>"
        case .sessionEnded: message = "<p class=\"notice\" role=\"status\">\(t(.sessionEnded))</p>"
        case .databaseUnavailable: message = "<p class=\"notice error\" role=\"alert\">\(t(.loginDatabaseUnavailable))</p>"
        }
        let body: Markup = """
            <main class="login">
            <div class="login-card">
            <div class="login-head"><span class="brand" translate="no">Gemgate</span>\(PanelLayout.languageSwitch(language, query: query, path: "/"))</div>
            <h1>\(t(.loginTitle))</h1>
            <p class="muted">\(t(.loginHint))</p>
            \(message)
            <form method="post" action="/auth" class="stack">
            <label class="field"><span>\(t(.adminToken))</span>
            <input type="password" name="auth_token" id="auth_token" autocomplete="current-password" required autofocus></label>
            <button type="submit" class="button primary" id="login">\(t(.loginButton))</button>
            </form>
            </div>
            </main>
            """
        return PanelLayout.document(title: t(.loginTitle), language: language, pageName: "login", body: body, pageData: [:])
    }
}
