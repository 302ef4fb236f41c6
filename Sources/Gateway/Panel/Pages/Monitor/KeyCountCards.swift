/// How many keys are in each state; each card opens the list filtered to that state.
enum KeyCountCards {
    static func render(_ keys: [KeySnapshot], t: Translator) -> Markup {
        var counts: [KeyListQuery.Status: Int] = [:]
        for key in keys { counts[KeyListQuery.Status.of(key), default: 0] += 1 }
        let cards = KeyListQuery.Status.allCases.map { status -> Markup in
            let count = status == .all ? keys.count : counts[status] ?? 0
            let label = status == .all ? t(.keysTotal) : t(status.label)
            return """
                <a class="card status-\(status.rawValue)" href="/keys?status=\(status.rawValue)#keys" data-count="\(status.rawValue)">
                <span class="card-value">\(count)</span><span class="card-label">\(label)</span></a>
                """
        }
        return "<section class=\"cards\" aria-label=\"\(t(.keyCounts))\">\(cards)</section>"
    }
}
