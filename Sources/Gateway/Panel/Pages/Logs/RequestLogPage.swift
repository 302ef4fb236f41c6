import Foundation

/// `/logs/requests`: the request log with the same filters (plus outcome and client token), and
/// per-token usage: which allowed token made how many calls in the chosen window. Tokens are
/// named by their masked form; the admin token is only ever called "admin token".
enum RequestLogPage {
    static func render(_ page: PanelPage) async throws -> Markup {
        let t = page.t
        let query = LogPageQuery(page.query, clock: page.clock, defaultFrom: page.clock.now.addingTimeInterval(-86_400))
        let storage = page.services.storage
        let names = TokenNames(settings: page.settings)
        var filter = query.requestFilter
        filter.tokenFingerprint = query.token.map(names.fingerprint(forOption:))
        if let id = page.query["key_id"] { filter.key = KeyDirectory(keys: page.services.pool.configuredKeys).key(for: id) ?? id }
        async let result = storage.requestLogs(filter, order: query.order, page: query.pageRequest)
        var usageFilter = filter
        usageFilter.tokenFingerprint = nil
        async let usage = storage.requestCountsByToken(usageFilter)

        let rows = try await result.rows.map { row -> Markup in
            let outcome: Markup = row.isSuccess
                ? "<span class=\"badge status-active\">\(t(.success))</span>"
                : "<span class=\"badge status-invalid\">\(t(.failure))</span>"
            return """
                <tr>
                <td data-label="\(t(.columnID))" class="num">\(row.id)</td>
                <td data-label="\(t(.time))" class="when">\(page.clock.format(row.time))</td>
                <td data-label="\(t(.key))"><code class="masked" translate="no">\(Secret.mask(row.apiKey ?? ""))</code></td>
                <td data-label="\(t(.model))" class="model" translate="no">\(row.model)</td>
                <td data-label="\(t(.statusCode))" class="num">\(row.statusCode.map(String.init) ?? "—")</td>
                <td data-label="\(t(.outcome))">\(outcome)</td>
                <td data-label="\(t(.latency))" class="num">\(row.latencyMs.map { t(.milliseconds, String($0)) } ?? "—")</td>
                <td data-label="\(t(.clientToken))">\(names.label(for: row.tokenFingerprint, t: t))</td>
                </tr>
                """
        }
        let total = try await result.total
        let table: Markup = rows.isEmpty
            ? "<p class=\"muted empty\">\(t(.noRequestLogs))</p>"
            : """
                <div class="table-wrap"><table class="list stack-on-phone" id="request-logs">
                <thead><tr><th>\(t(.columnID))</th><th>\(t(.time))</th><th>\(t(.key))</th><th>\(t(.model))</th><th>\(t(.statusCode))</th>
                <th>\(t(.outcome))</th><th>\(t(.latency))</th><th>\(t(.clientToken))</th></tr></thead>
                <tbody>\(rows)</tbody></table></div>
                \(Pagination.render(page: query.page, pageSize: query.pageSize, total: total, query: page.query, path: "/logs/requests", t: t))
                """
        let usageRows = try await usage.map { entry -> Markup in
            let filterLink = page.query.setting("token", entry.tokenFingerprint.map(names.option(for:)))
                .setting("page", nil).url("/logs/requests")
            return """
                <tr><td data-label="\(t(.clientToken))">\(names.label(for: entry.tokenFingerprint, t: t))</td>
                <td data-label="\(t(.calls))" class="num">\(entry.counts.total)</td>
                <td data-label="\(t(.successes))" class="num ok">\(entry.counts.successes)</td>
                <td data-label="\(t(.failures))" class="num fail">\(entry.counts.failures)</td>
                <td data-label="\(t(.actions))">\(entry.tokenFingerprint == nil ? Markup.empty : "<a href=\"\(filterLink)\">\(t(.showTheirCalls))</a>")</td></tr>
                """
        }
        let usageTable: Markup = usageRows.isEmpty ? "<p class=\"muted empty\">\(t(.noRequestLogs))</p>" : """
            <div class="table-wrap"><table class="list stack-on-phone" id="token-usage">
            <thead><tr><th>\(t(.clientToken))</th><th>\(t(.calls))</th><th>\(t(.successes))</th><th>\(t(.failures))</th><th>\(t(.actions))</th></tr></thead>
            <tbody>\(usageRows)</tbody></table></div>
            """
        let tokenOptions = [Markup("<option value=\"\">\(t(.anyToken))</option>")] + names.options(selected: query.token, t: t)
        let outcomeOptions: Markup = """
            <option value="">\(t(.anyOutcome))</option>
            <option value="success"\(query.outcome == true ? Markup(" selected") : .empty)>\(t(.success))</option>
            <option value="failure"\(query.outcome == false ? Markup(" selected") : .empty)>\(t(.failure))</option>
            """
        let content: Markup = """
            <section class="panel">
            <form method="get" action="/logs/requests" class="filters">
            <label class="field"><span>\(t(.key))</span><input type="search" name="key" value="\(query.key)" placeholder="\(t(.keyContains))"></label>
            <label class="field"><span>\(t(.model))</span><input type="search" name="model" value="\(query.model)"></label>
            <label class="field compact"><span>\(t(.statusCode))</span><input type="number" name="code" min="0" max="999" value="\(query.code.map(String.init) ?? "")"></label>
            <label class="field compact"><span>\(t(.outcome))</span><select name="outcome">\(outcomeOptions)</select></label>
            <label class="field"><span>\(t(.clientToken))</span><select name="token">\(tokenOptions)</select></label>
            <label class="field"><span>\(t(.from))</span><input type="datetime-local" name="from" value="\(page.clock.inputValue(query.from))"></label>
            <label class="field"><span>\(t(.to))</span><input type="datetime-local" name="to" value="\(page.clock.inputValue(query.to))"></label>
            \(query.sortControls(t))
            <button type="submit" class="button">\(t(.apply))</button>
            <a class="button subtle" href="/logs/requests">\(t(.clearFilters))</a>
            </form>
            <p class="muted">\(t(.timesShownIn)) <span translate="no">\(page.clock.zoneDescription)</span></p>
            </section>
            <section class="panel" id="usage"><h2>\(t(.perTokenUsage))</h2>\(usageTable)</section>
            <section class="panel" id="requests"><h2>\(t(.requests))</h2>\(table)</section>
            """
        return PanelLayout.adminPage(page, section: .requestLogs, content: content)
    }
}

/// Names client tokens by fingerprint: the masked allowed token, "admin token", or
/// "removed token" for a fingerprint no configured token has any more.
struct TokenNames: Sendable {
    private let names: [String: String]
    private let adminFingerprint: String?
    private let order: [String]

    init(settings: Settings) {
        let admin = settings.effectiveAdminToken
        adminFingerprint = admin.map(Secret.fingerprint)
        var names: [String: String] = [:]
        var order: [String] = []
        for token in settings.allowedTokens where token != admin {
            let fingerprint = Secret.fingerprint(token)
            if names[fingerprint] == nil { order.append(fingerprint) }
            names[fingerprint] = Secret.mask(token)
        }
        self.names = names
        self.order = order
    }

    func label(for fingerprint: String?, t: Translator) -> Markup {
        guard let fingerprint else { return "<span class=\"muted\">\(t(.noTokenRecorded))</span>" }
        if fingerprint == adminFingerprint { return "<span class=\"badge\">\(t(.adminTokenName))</span>" }
        if let name = names[fingerprint] { return "<code translate=\"no\">\(name)</code>" }
        // One element, so that it stays beside its label in a phone's stacked cell.
        return "<span><span class=\"muted\">\(t(.removedToken))</span> <code translate=\"no\">\(String(fingerprint.prefix(6)))</code></span>"
    }

    /// The admin token's option is the word `admin`, so that not even its fingerprint is in the page.
    static let adminOption = "admin"

    func option(for fingerprint: String) -> String {
        fingerprint == adminFingerprint ? Self.adminOption : fingerprint
    }

    func fingerprint(forOption option: String) -> String {
        option == Self.adminOption ? adminFingerprint ?? option : option
    }

    func options(selected: String?, t: Translator) -> [Markup] {
        var options = order.map { fingerprint -> Markup in
            let mark: Markup = fingerprint == selected ? " selected" : ""
            return "<option value=\"\(fingerprint)\"\(mark) translate=\"no\">\(names[fingerprint] ?? fingerprint)</option>"
        }
        if adminFingerprint != nil {
            let mark: Markup = selected == Self.adminOption ? " selected" : ""
            options.append("<option value=\"\(Self.adminOption)\"\(mark)>\(t(.adminTokenName))</option>")
        }
        return options
    }
}
