import Foundation

/// One key in a list: masked key (with reveal), status (and what it is resting for, with the
/// time left), failures, last error, calls today, weight, and the per-key actions. The full key
/// is never in the page; the script asks for it by id when the admin presses Show or Copy.
///
/// A cell whose value is several pieces wraps them in one `div`: on a phone each labelled cell is
/// a two-column grid (label, value), where every further piece would start a row of its own.
enum KeyRow {
    static func render(_ key: KeySnapshot, callsToday: OutcomeCounts?, page: PanelPage) -> Markup {
        let t = page.t
        let id = KeyDirectory.id(of: key.key)
        let status = KeyListQuery.Status.of(key)
        let cooling = key.activeCooldowns.map { cooldown -> Markup in
            let seconds = cooldown.until.wholeSeconds(after: page.clock.now)
            return "<li><span translate=\"no\">\(cooldown.model)</span> · \(t(.timeLeft, duration(seconds, t)))</li>"
        }
        let coolingList: Markup = cooling.isEmpty ? .empty : "<ul class=\"cooldowns\">\(cooling)</ul>"
        let lastError: Markup
        if let code = key.record.lastErrorCode ?? (key.record.lastErrorMessage == nil ? nil : 0) {
            lastError = """
                <span class="code">\(code == 0 ? "—" : String(code))</span> \
                <span class="message" translate="no">\(String((key.record.lastErrorMessage ?? "").prefix(160)))</span> \
                <span class="muted when">\(page.clock.format(key.record.lastErrorAt))</span>
                """
        } else {
            lastError = "<span class=\"muted\">—</span>"
        }
        let today = callsToday ?? OutcomeCounts()
        let toggle: Markup = key.record.status == .disabled
            ? "<button type=\"button\" class=\"button small\" data-key-action=\"enable\">\(t(.enable))</button>"
            : "<button type=\"button\" class=\"button small\" data-key-action=\"disable\">\(t(.disable))</button>"
        return """
            <tr data-key-id="\(id)">
            <td class="select-cell"><input type="checkbox" class="select" value="\(id)" aria-label="\(t(.selectKey))"></td>
            <td data-label="\(t(.key))"><div><code class="masked" translate="no">\(key.masked)</code> <button type="button" class="button small subtle" data-key-action="reveal">\(t(.show))</button></div></td>
            <td data-label="\(t(.status))"><div><span class="badge status-\(status.rawValue)">\(t(status.label))</span>\(coolingList)</div></td>
            <td data-label="\(t(.failures))" class="num">\(key.record.consecutiveFailures)</td>
            <td data-label="\(t(.lastError))" class="last-error"><div>\(lastError)</div></td>
            <td data-label="\(t(.callsToday))" class="num"><div><span class="ok">\(today.successes)</span> / <span class="fail">\(today.failures)</span></div></td>
            <td data-label="\(t(.weight))" class="num">\(key.weight)</td>
            <td data-label="\(t(.actions))" class="actions">
            <button type="button" class="button small" data-key-action="verify">\(t(.verify))</button>
            <button type="button" class="button small" data-key-action="reset">\(t(.reset))</button>
            \(toggle)
            <button type="button" class="button small" data-key-action="copy">\(t(.copy))</button>
            <button type="button" class="button small" data-key-action="details">\(t(.details))</button>
            <button type="button" class="button small danger" data-key-action="delete">\(t(.delete))</button>
            </td>
            </tr>
            """
    }

    static func header(_ t: Translator) -> Markup {
        """
        <thead><tr><th class="select-cell"><input type="checkbox" class="select-all" aria-label="\(t(.selectAllOnPage))"></th>
        <th>\(t(.key))</th><th>\(t(.status))</th><th>\(t(.failures))</th><th>\(t(.lastError))</th>
        <th>\(t(.callsToday))</th><th>\(t(.weight))</th><th>\(t(.actions))</th></tr></thead>
        """
    }

    /// `42 s`, `3 min 5 s`, `2 h 10 min`.
    static func duration(_ seconds: Int, _ t: Translator) -> String {
        if seconds < 60 { return t(.durationSeconds, String(seconds)) }
        if seconds < 3_600 { return t(.durationMinutes, String(seconds / 60), String(seconds % 60)) }
        return t(.durationHours, String(seconds / 3_600), String(seconds / 60 % 60))
    }
}
