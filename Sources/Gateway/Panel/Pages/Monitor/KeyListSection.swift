/// The key list: status tabs with counts, search and failure filters, page size 10–500, the
/// rows of one page (server-side paging), batch actions and "verify all that match".
enum KeyListSection {
    static func render(
        query listQuery: KeyListQuery, rows: [KeySnapshot], total: Int, page pageNumber: Int,
        callsToday: [String: OutcomeCounts], statusCounts: [KeyListQuery.Status: Int], page: PanelPage
    ) -> Markup {
        let t = page.t
        let tabs = KeyListQuery.Status.allCases.map { status -> Markup in
            let current: Markup = status == listQuery.status ? " aria-current=\"true\" class=\"tab active\"" : " class=\"tab\""
            let target = page.query.setting("status", status.rawValue).setting("page", nil).url("/keys")
            return "<a\(current) href=\"\(target)#keys\">\(t(status.label)) <span class=\"tab-count\">\(statusCounts[status] ?? 0)</span></a>"
        }
        let body: Markup
        if rows.isEmpty {
            body = "<p class=\"muted empty\">\(t(.noKeysMatch))</p>"
        } else {
            let lines = rows.map { KeyRow.render($0, callsToday: callsToday[$0.key], page: page) }
            body = """
                <div class="table-wrap"><table class="list keys stack-on-phone">\(KeyRow.header(t))<tbody>\(lines)</tbody></table></div>
                \(Pagination.render(page: pageNumber, pageSize: listQuery.pageSize, total: total, query: page.query, path: "/keys", t: t))
                """
        }
        let minFailures: String = listQuery.minFailures.map(String.init) ?? ""
        return """
            <section class="panel" id="keys">
            <div class="panel-head"><h2>\(t(.keyList))</h2>
            <div class="head-actions">
            <button type="button" class="button small" data-filter-action="verify" data-filter="\(filterDescription(listQuery))">\(t(.verifyAllMatching, String(total)))</button>
            </div></div>
            <nav class="tabs" aria-label="\(t(.keyStatusTabs))">\(tabs)</nav>
            <form method="get" action="/keys#keys" class="filters" id="key-filters">
            <input type="hidden" name="status" value="\(listQuery.status.rawValue)">
            \(AttentionSection.hiddenFields(page.query, except: ["status", "q", "min_fail", "size"]))
            <label class="field"><span>\(t(.searchKeys))</span><input type="search" name="q" value="\(listQuery.search)" placeholder="\(t(.searchKeysPlaceholder))"></label>
            <label class="field compact"><span>\(t(.minFailures))</span><input type="number" name="min_fail" min="0" value="\(minFailures)"></label>
            \(Pagination.sizeSelect(current: listQuery.pageSize, sizes: KeyListQuery.pageSizes, t: t))
            <button type="submit" class="button">\(t(.apply))</button>
            </form>
            \(BatchBar.render(scope: "keys", t: t))
            \(body)
            </section>
            """
    }

    /// The list's filter as the query string the API understands (`status=…&q=…&min_fail=…`).
    static func filterDescription(_ query: KeyListQuery) -> String {
        var filter = PageQuery([("status", query.status.rawValue)])
        if !query.search.isEmpty { filter = filter.setting("q", query.search) }
        if let minFailures = query.minFailures { filter = filter.setting("min_fail", String(minFailures)) }
        return String(filter.url("").dropFirst())
    }
}
