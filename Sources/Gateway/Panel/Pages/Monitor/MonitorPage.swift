import Foundation

/// `/keys`, the first page after login: key counts, call counts per window, the trend chart,
/// keys needing attention and the key list. Every figure comes from one indexed query or from
/// the pool's in-memory snapshot; no log row is sent to the browser here.
enum MonitorPage {
    static func render(_ page: PanelPage) async throws -> Markup {
        let services = page.services
        let storage = services.storage
        let clock = page.clock
        let snapshot = services.pool.snapshot()

        let range = page.query["trend"].flatMap(TrendChart.Range.init(rawValue:)) ?? .hour
        let attentionCode = page.query.integer("attention", default: 429, in: 100...599)
        let attentionLimit = page.query.integer("alimit", default: 10, in: 1...100)
        let listQuery = KeyListQuery(page.query)
        let list = listQuery.apply(snapshot)

        // The independent queries run at once.
        async let windowCounts = services.panel.callWindows.counts(storage: storage, clock: clock)
        async let minutes = storage.requestsPerMinute(since: TrendChart.start(of: range, now: clock.now))
        async let attention = storage.keysByErrorCount(
            errorCode: attentionCode, since: clock.now.addingTimeInterval(-86_400), limit: 1_000)
        async let today = storage.requestCountsByKey(list.rows.map(\.key), since: clock.startOfToday)
        async let instances = services.cluster.liveInstances()

        let snapshotsByKey = Dictionary(snapshot.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let attentionRows = try await attention.compactMap { entry in
            snapshotsByKey[entry.key].map { (entry, $0) }
        }.prefix(attentionLimit)
        var statusCounts: [KeyListQuery.Status: Int] = [.all: snapshot.count]
        for key in snapshot { statusCounts[KeyListQuery.Status.of(key), default: 0] += 1 }

        let content: Markup = """
            \(KeyCountCards.render(snapshot, t: page.t))
            \(CallCountTiles.render(try await windowCounts, t: page.t))
            \(TrendSection.render(TrendChart.buckets(try await minutes, range: range, now: clock.now), range: range, page: page))
            \(AttentionSection.render(code: attentionCode, limit: attentionLimit, rows: Array(attentionRows), page: page))
            \(KeyListSection.render(
                query: listQuery, rows: list.rows, total: list.total, page: list.page, callsToday: try await today,
                statusCounts: statusCounts, page: page))
            \(GatewayStatusSection.render(services.cluster.status, instances: await instances, summary: storage.summary, page: page))
            \(progressDialog(page.t))
            """
        return PanelLayout.adminPage(page, section: .monitor, content: content)
    }

    /// Shown while a batch verification runs; the script fills it from the job's progress.
    static func progressDialog(_ t: Translator) -> Markup {
        """
        <dialog id="verify-dialog" class="dialog" aria-labelledby="verify-title">
        <div class="dialog-head"><h2 id="verify-title">\(t(.verification))</h2><button type="button" class="button subtle" data-close>\(t(.close))</button></div>
        <div class="dialog-body">
        <progress id="verify-progress" max="1" value="0"></progress>
        <p id="verify-status" class="muted"></p>
        <div id="verify-results"></div>
        </div>
        </dialog>
        """
    }
}
