import Foundation

/// The filters, sort and page shared by the error-log and request-log pages, read from the
/// query string (times in the configured zone, as `datetime-local` inputs send them).
struct LogPageQuery: Sendable {
    static let pageSizes = [10, 20, 50, 100, 200]

    var key: String?
    var model: String?
    var code: Int?
    var text: String?
    var outcome: Bool?
    var token: String?
    var from: Date?
    var to: Date?
    var order: LogOrder
    var page: Int
    var pageSize: Int

    init(_ query: PageQuery, clock: PanelClock, defaultFrom: Date? = nil) {
        key = query["key"]
        model = query["model"]
        code = query.integer("code")
        text = query["q"]
        outcome = query["outcome"].flatMap { $0 == "success" ? true : $0 == "failure" ? false : nil }
        token = query["token"]
        // With no time filter at all, a page may start from a default window (the request log's
        // last 24 hours); an explicit empty `from` means "from the beginning".
        let hasTimeFilter = query.values.contains { $0.0 == "from" || $0.0 == "to" }
        from = hasTimeFilter ? clock.parseInput(query["from"]) : defaultFrom
        to = clock.parseInput(query["to"])
        order = LogOrder(
            column: query["sort"].flatMap(LogSortColumn.init(rawValue:)) ?? .id,
            ascending: query["order"] == "asc")
        // Bounded so that the row offset, (page - 1) × size, cannot overflow.
        page = query.integer("page", default: 1, in: 1...100_000)
        pageSize = query.integer("size", default: 20, in: 10...200)
    }

    var pageRequest: LogPageRequest { LogPageRequest(offset: (page - 1) * pageSize, limit: pageSize) }

    var errorFilter: ErrorLogFilter {
        ErrorLogFilter(keyContains: key, textContains: text, errorCode: code, modelContains: model, from: from, to: to)
    }

    var requestFilter: RequestLogFilter {
        RequestLogFilter(
            keyContains: key, modelContains: model, statusCode: code, isSuccess: outcome,
            tokenFingerprint: token, from: from, to: to)
    }

    /// The sort and page-size controls.
    func sortControls(_ t: Translator) -> Markup {
        let columns = LogSortColumn.allCases.map { column -> Markup in
            let selected: Markup = column == order.column ? " selected" : ""
            return "<option value=\"\(column.rawValue)\"\(selected)>\(t(Self.label(column)))</option>"
        }
        let ascending: Markup = order.ascending ? " selected" : ""
        let descending: Markup = order.ascending ? "" : " selected"
        return """
            <label class="field compact"><span>\(t(.sortBy))</span><select name="sort">\(columns)</select></label>
            <label class="field compact"><span>\(t(.sortOrder))</span><select name="order">
            <option value="desc"\(descending)>\(t(.descending))</option><option value="asc"\(ascending)>\(t(.ascending))</option></select></label>
            \(Pagination.sizeSelect(current: pageSize, sizes: Self.pageSizes, t: t))
            """
    }

    static func label(_ column: LogSortColumn) -> PanelString {
        switch column {
        case .id: .columnID
        case .time: .time
        case .key: .key
        case .model: .model
        case .code: .statusCode
        }
    }
}
