/// "Keys needing attention": the keys that failed most with one error code in the last 24 hours
/// (quick choices 429, 403, 400, or any code), with batch actions on a selection or on all of them.
enum AttentionSection {
    static let quickCodes = [429, 403, 400]

    static func render(
        code: Int, limit: Int, rows: [(KeyErrorCount, KeySnapshot)], page: PanelPage
    ) -> Markup {
        let t = page.t
        let chips = quickCodes.map { quick -> Markup in
            let current: Markup = quick == code ? " aria-current=\"true\" class=\"chip active\"" : " class=\"chip\""
            return "<a\(current) href=\"\(page.query.setting("attention", String(quick)).url("/keys"))#attention\">\(quick)</a>"
        }
        let body: Markup
        if rows.isEmpty {
            body = "<p class=\"muted empty\">\(t(.noKeysWithCode, String(code)))</p>"
        } else {
            let lines = rows.map { entry, key -> Markup in
                let status = KeyListQuery.Status.of(key)
                return """
                    <tr data-key-id="\(KeyDirectory.id(of: key.key))">
                    <td class="select-cell"><input type="checkbox" class="select" value="\(KeyDirectory.id(of: key.key))" aria-label="\(t(.selectKey))"></td>
                    <td data-label="\(t(.key))"><code class="masked" translate="no">\(key.masked)</code></td>
                    <td data-label="\(t(.errorCount))" class="num">\(entry.count)</td>
                    <td data-label="\(t(.status))"><span class="badge status-\(status.rawValue)">\(t(status.label))</span></td>
                    <td data-label="\(t(.actions))" class="actions">
                    <button type="button" class="button small" data-key-action="verify">\(t(.verify))</button>
                    <button type="button" class="button small" data-key-action="details">\(t(.details))</button>
                    </td></tr>
                    """
            }
            body = """
                <div class="table-wrap"><table class="list stack-on-phone">
                <thead><tr><th class="select-cell"><input type="checkbox" class="select-all" aria-label="\(t(.selectAllOnPage))"></th>
                <th>\(t(.key))</th><th>\(t(.errorCount))</th><th>\(t(.status))</th><th>\(t(.actions))</th></tr></thead>
                <tbody>\(lines)</tbody></table></div>
                \(BatchBar.render(scope: "attention", t: t))
                <p class="all-with-code"><span>\(t(.applyToAllWithCode, String(code)))</span>
                <button type="button" class="button small" data-code-action="verify" data-error-code="\(code)">\(t(.verify))</button>
                <button type="button" class="button small" data-code-action="reset" data-error-code="\(code)">\(t(.reset))</button>
                <button type="button" class="button small" data-code-action="disable" data-error-code="\(code)">\(t(.disable))</button>
                <button type="button" class="button small danger" data-code-action="delete" data-error-code="\(code)">\(t(.delete))</button></p>
                """
        }
        return """
            <section class="panel" id="attention">
            <div class="panel-head"><h2>\(t(.keysNeedingAttention))</h2><div class="chips">\(chips)</div></div>
            <form method="get" action="/keys#attention" class="filters">
            \(hiddenFields(page.query, except: ["attention", "alimit"]))
            <label class="field compact"><span>\(t(.errorCode))</span><input type="number" name="attention" min="100" max="599" value="\(code)"></label>
            <label class="field compact"><span>\(t(.howMany))</span><input type="number" name="alimit" min="1" max="100" value="\(limit)"></label>
            <button type="submit" class="button">\(t(.show))</button>
            </form>
            \(body)
            </section>
            """
    }

    /// The page's other query parameters, so a form that changes one keeps the rest.
    static func hiddenFields(_ query: PageQuery, except: Set<String>) -> Markup {
        query.values.filter { !except.contains($0.0) && $0.0 != "page" }.map { name, value -> Markup in
            "<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">"
        }.joined()
    }
}
