/// Call counts per window (success / failure); each tile opens a table of the window's calls.
enum CallCountTiles {
    static func render(_ counts: [(CallWindow, OutcomeCounts)], t: Translator) -> Markup {
        let tiles = counts.map { window, count -> Markup in
            """
            <button type="button" class="tile" data-period="\(window.rawValue)" data-title="\(t(.callsIn, t(window.label)))">
            <span class="tile-label">\(t(window.label))</span>
            <span class="tile-total" data-figure="\(window.rawValue)-total">\(count.total)</span>
            <span class="tile-split"><span class="ok" data-figure="\(window.rawValue)-ok">\(t(.successCount, String(count.successes)))</span>
            <span class="fail" data-figure="\(window.rawValue)-fail">\(t(.failureCount, String(count.failures)))</span></span>
            </button>
            """
        }
        return """
            <section class="panel" id="calls">
            <h2>\(t(.callStatistics))</h2>
            <div class="tiles">\(tiles)</div>
            <p class="muted">\(t(.callStatisticsHint))</p>
            </section>
            """
    }
}
