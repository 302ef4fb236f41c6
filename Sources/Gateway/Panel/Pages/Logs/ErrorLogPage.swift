/// `/logs`: the error log, filtered (key, error type or text, code, model, time range), sorted and
/// paged by the database; details (upstream error body, request body) open in a dialog; delete
/// the selected rows or all.
enum ErrorLogPage {
    static func render(_ page: PanelPage) async throws -> Markup {
        let t = page.t
        let query = LogPageQuery(page.query, clock: page.clock)
        var filter = query.errorFilter
        // `key_id` (from a key's details) filters on one configured key without putting it in the URL.
        if let id = page.query["key_id"] { filter.key = KeyDirectory(keys: page.services.pool.configuredKeys).key(for: id) ?? id }
        let result = try await page.services.storage.errorLogs(filter, order: query.order, page: query.pageRequest)
        let rows = result.rows.map { row -> Markup in
            """
            <tr data-log-id="\(row.id)">
            <td class="select-cell"><input type="checkbox" class="select" value="\(row.id)" aria-label="\(t(.selectRow))"></td>
            <td data-label="\(t(.columnID))" class="num">\(row.id)</td>
            <td data-label="\(t(.key))"><code class="masked" translate="no">\(Secret.mask(row.apiKey ?? ""))</code></td>
            <td data-label="\(t(.errorType))" translate="no">\(row.errorType)</td>
            <td data-label="\(t(.statusCode))" class="num">\(row.errorCode.map(String.init) ?? "—")</td>
            <td data-label="\(t(.model))" class="model" translate="no">\(row.model)</td>
            <td data-label="\(t(.time))" class="when">\(page.clock.format(row.time))</td>
            <td data-label="\(t(.actions))" class="actions">
            <button type="button" class="button small" data-log-action="details">\(t(.details))</button>
            <button type="button" class="button small danger" data-log-action="delete">\(t(.delete))</button></td>
            </tr>
            """
        }
        let table: Markup = rows.isEmpty
            ? "<p class=\"muted empty\">\(t(.noErrorLogs))</p>"
            : """
                <div class="table-wrap"><table class="list stack-on-phone" id="error-logs">
                <thead><tr><th class="select-cell"><input type="checkbox" class="select-all" aria-label="\(t(.selectAllOnPage))"></th>
                <th>\(t(.columnID))</th><th>\(t(.key))</th><th>\(t(.errorType))</th><th>\(t(.statusCode))</th><th>\(t(.model))</th><th>\(t(.time))</th><th>\(t(.actions))</th></tr></thead>
                <tbody>\(rows)</tbody></table></div>
                \(Pagination.render(page: query.page, pageSize: query.pageSize, total: result.total, query: page.query, path: "/logs", t: t))
                """
        let content: Markup = """
            <section class="panel">
            <form method="get" action="/logs" class="filters">
            <label class="field"><span>\(t(.key))</span><input type="search" name="key" value="\(query.key)" placeholder="\(t(.keyContains))"></label>
            <label class="field"><span>\(t(.errorTypeOrText))</span><input type="search" name="q" value="\(query.text)"></label>
            <label class="field compact"><span>\(t(.statusCode))</span><input type="number" name="code" min="0" max="999" value="\(query.code.map(String.init) ?? "")"></label>
            <label class="field"><span>\(t(.model))</span><input type="search" name="model" value="\(query.model)"></label>
            <label class="field"><span>\(t(.from))</span><input type="datetime-local" name="from" value="\(page.clock.inputValue(query.from))"></label>
            <label class="field"><span>\(t(.to))</span><input type="datetime-local" name="to" value="\(page.clock.inputValue(query.to))"></label>
            \(query.sortControls(t))
            <button type="submit" class="button">\(t(.apply))</button>
            <a class="button subtle" href="/logs">\(t(.clearFilters))</a>
            </form>
            <p class="muted">\(t(.timesShownIn)) <span translate="no">\(page.clock.zoneDescription)</span></p>
            <div class="batchbar" data-scope="error-logs">
            <span class="muted">\(t(.selectedRows))</span> <span class="selected-count">0</span>
            <button type="button" class="button small danger" data-log-batch="delete">\(t(.deleteSelected))</button>
            <button type="button" class="button small danger" data-log-batch="delete-all">\(t(.deleteAllErrorLogs))</button>
            </div>
            \(table)
            </section>
            """
        return PanelLayout.adminPage(page, section: .errorLogs, content: content)
    }
}
