/// `/config`: every setting of `SettingCatalog`, grouped as the catalog groups them. Secrets are
/// not in the page (only masked); Save sends the changed fields, which the server validates all
/// together before anything is stored or applied.
enum SettingsPage {
    static func render(_ page: PanelPage) -> Markup {
        let t = page.t
        let groupLinks = SettingGroup.allCases.map { group -> Markup in
            "<a class=\"chip\" href=\"#group-\(group.rawValue)\">\(t(group.title))</a>"
        }
        let groups = SettingGroup.allCases.map { group -> Markup in
            let fields = SettingCatalog.all.filter { $0.group == group }.map { SettingFieldView.render($0, page: page) }
            return """
                <section class="panel settings-group" id="group-\(group.rawValue)">
                <h2>\(t(group.title))</h2>
                \(fields)
                </section>
                """
        }
        let content: Markup = """
            <div class="savebar">
            <nav class="chips" aria-label="\(t(.settingGroups))">\(groupLinks)</nav>
            <div class="savebar-actions">
            <button type="button" class="button primary" id="save-settings">\(t(.save))</button>
            <button type="button" class="button danger" id="reset-settings">\(t(.resetToEnvironment))</button>
            </div>
            </div>
            <p class="muted">\(t(.settingsHint))</p>
            <form id="settings-form" class="settings" autocomplete="off" novalidate>
            \(groups)
            </form>
            """
        return PanelLayout.adminPage(page, section: .settings, content: content)
    }
}
