import Foundation

/// Which keys the monitor's list shows: a status tab, a search text, a minimum failure count and
/// a page; applied to the pool's snapshot in memory (10,000 keys take well under a millisecond).
struct KeyListQuery: Sendable, Equatable {
    enum Status: String, CaseIterable, Sendable {
        case all
        case active
        case cooling
        case invalid
        case disabled

        func matches(_ key: KeySnapshot) -> Bool {
            switch self {
            case .all: true
            case .active: key.record.status == .active && key.activeCooldowns.isEmpty
            case .cooling: key.record.status == .active && !key.activeCooldowns.isEmpty
            case .invalid: key.record.status == .invalid
            case .disabled: key.record.status == .disabled
            }
        }

        var label: PanelString {
            switch self {
            case .all: .statusAll
            case .active: .statusActive
            case .cooling: .statusCooling
            case .invalid: .statusInvalid
            case .disabled: .statusDisabled
            }
        }

        /// The status a key shows in the list.
        static func of(_ key: KeySnapshot) -> Status {
            switch key.record.status {
            case .active: key.activeCooldowns.isEmpty ? .active : .cooling
            case .invalid: .invalid
            case .disabled: .disabled
            }
        }
    }

    static let pageSizes = [10, 20, 50, 100, 200, 500]

    var status: Status = .all
    var search: String = ""
    var minFailures: Int?
    var page: Int = 1
    var pageSize: Int = 20

    init(status: Status = .all, search: String = "", minFailures: Int? = nil, page: Int = 1, pageSize: Int = 20) {
        self.status = status
        self.search = search
        self.minFailures = minFailures
        self.page = max(1, page)
        self.pageSize = min(max(pageSize, 10), 500)
    }

    init(_ query: PageQuery) {
        self.init(
            status: query["status"].flatMap(Status.init(rawValue:)) ?? .all,
            search: query["q"] ?? "",
            minFailures: query.integer("min_fail").map { max(0, $0) },
            page: query.integer("page") ?? 1,
            pageSize: query.integer("size") ?? 20)
    }

    /// Why a batch action's filter was refused.
    enum FilterProblem: Error, Equatable {
        case unknownStatus(String)
        case notANumber(name: String, value: String)
        /// The filter names no condition: read leniently, it would select every key unasked.
        case noCondition
    }

    /// A batch action's filter, read strictly where the list's page reads its links leniently:
    /// an unknown status or a failure count that is no number is refused rather than ignored
    /// (either would widen the selection, up to every key), and a filter must name at least one
    /// condition, so acting on every key has to be said (`status=all`, as the list's own
    /// "verify all" button says it).
    static func selection(_ query: PageQuery) throws(FilterProblem) -> KeyListQuery {
        var status = Status.all
        if let text = query["status"] {
            guard let known = Status(rawValue: text) else { throw .unknownStatus(text) }
            status = known
        }
        var minFailures: Int?
        if let text = query["min_fail"] {
            guard let number = Int(text) else { throw .notANumber(name: "min_fail", value: text) }
            minFailures = max(0, number)
        }
        let search = query["q"] ?? ""
        guard query["status"] != nil || minFailures != nil || !search.isEmpty else { throw .noCondition }
        return KeyListQuery(status: status, search: search, minFailures: minFailures)
    }

    func matches(_ key: KeySnapshot) -> Bool {
        guard status.matches(key) else { return false }
        if let minFailures, key.record.consecutiveFailures < minFailures { return false }
        if !search.isEmpty && key.key.range(of: search, options: [.caseInsensitive, .literal]) == nil { return false }
        return true
    }

    /// The page of matching keys and how many match in all (the page is clamped to the last one).
    func apply(_ keys: [KeySnapshot]) -> (rows: [KeySnapshot], total: Int, page: Int) {
        let matching = keys.filter(matches)
        let pages = Pagination.pageCount(total: matching.count, pageSize: pageSize)
        let page = min(self.page, pages)
        let start = (page - 1) * pageSize
        return (Array(matching.dropFirst(start).prefix(pageSize)), matching.count, page)
    }
}
