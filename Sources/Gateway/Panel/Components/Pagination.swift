/// Page links under a table: previous, a window of page numbers, next, and the row count.
enum Pagination {
    static func render(page: Int, pageSize: Int, total: Int, query: PageQuery, path: String, t: Translator) -> Markup {
        let pages = pageCount(total: total, pageSize: pageSize)
        var links: [Markup] = []
        func link(_ target: Int, _ label: String, current: Bool = false) -> Markup {
            if current { return "<span class=\"page current\" aria-current=\"page\">\(label)</span>" }
            return "<a class=\"page\" href=\"\(query.setting("page", String(target)).url(path))\">\(label)</a>"
        }
        if page > 1 { links.append(link(page - 1, t(.previousPage))) }
        let window = max(1, page - 2)...min(pages, page + 2)
        if window.lowerBound > 1 { links.append(link(1, "1")) }
        if window.lowerBound > 2 { links.append("<span class=\"page gap\">…</span>") }
        for number in window { links.append(link(number, String(number), current: number == page)) }
        if window.upperBound < pages - 1 { links.append("<span class=\"page gap\">…</span>") }
        if window.upperBound < pages { links.append(link(pages, String(pages))) }
        if page < pages { links.append(link(page + 1, t(.nextPage))) }
        return "<nav class=\"pagination\" aria-label=\"\(t(.pagination))\">\(links)<span class=\"count\">\(t(.rowsTotal, String(total)))</span></nav>"
    }

    static func pageCount(total: Int, pageSize: Int) -> Int {
        max(1, (total + pageSize - 1) / max(1, pageSize))
    }

    /// A `<select>` of page sizes that submits its form.
    static func sizeSelect(name: String = "size", current: Int, sizes: [Int], t: Translator) -> Markup {
        let options = sizes.map { size -> Markup in
            "<option value=\"\(size)\"\(size == current ? Markup(" selected") : .empty)>\(t(.perPage, String(size)))</option>"
        }
        return "<label class=\"field compact\"><span>\(t(.pageSize))</span><select name=\"\(name)\" data-autosubmit>\(options)</select></label>"
    }
}
