/// The trend chart with its 1 h / 8 h / 24 h switch (plain links: the server draws the chart).
enum TrendSection {
    static func render(_ buckets: [TrendChart.Bucket], range: TrendChart.Range, page: PanelPage) -> Markup {
        let t = page.t
        let switches = TrendChart.Range.allCases.map { option -> Markup in
            let current: Markup = option == range ? " aria-current=\"true\" class=\"chip active\"" : " class=\"chip\""
            return "<a\(current) href=\"\(page.query.setting("trend", option.rawValue).url("/keys"))#trend\">\(t(option.label))</a>"
        }
        return """
            <section class="panel" id="trend">
            <div class="panel-head"><h2>\(t(.trend))</h2><div class="chips">\(switches)</div></div>
            \(TrendChart.render(buckets, clock: page.clock, t: t))
            </section>
            """
    }
}
