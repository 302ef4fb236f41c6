import Foundation

/// The gateway's own health on the monitor page: whether the database answers (and since when it
/// does not), logs waiting in memory or dropped, and — on a database shared by several
/// instances — which instances are alive.
enum GatewayStatusSection {
    static func render(_ status: ClusterStatus, instances: [InstanceRecord], summary: StorageSummary, page: PanelPage) -> Markup {
        let t = page.t
        let database: Markup
        if let outage = status.outage {
            let sentence = t(.databaseOutage, page.clock.format(outage.since), outage.lastError)
            database = "<span class=\"badge status-invalid\">\(t(.failure))</span> <span translate=\"no\">\(sentence)</span>"
        } else {
            database = "<span class=\"badge status-active\">\(t(.databaseWorking))</span>"
        }
        var buffer: [Markup] = []
        if status.pendingLogEntries > 0 { buffer.append("<li>\(t(.logsPending, String(status.pendingLogEntries)))</li>") }
        if status.droppedLogEntries > 0 { buffer.append("<li class=\"fail\">\(t(.logsDropped, String(status.droppedLogEntries)))</li>") }
        let bufferList: Markup = buffer.isEmpty ? "" : "<ul class=\"plain\">\(buffer)</ul>"
        return """
            <section class="panel" id="gateway-status">
            <div class="panel-head"><h2>\(t(.gatewayStatus))</h2></div>
            <p>\(t(.database)): <span translate="no">\(summary.type) · \(summary.location)</span> \(database)</p>
            \(bufferList)
            \(status.isShared ? instanceTable(instances, current: status.instance.id, page: page) : "")
            </section>
            """
    }

    private static func instanceTable(_ instances: [InstanceRecord], current: String, page: PanelPage) -> Markup {
        let t = page.t
        let rows = instances.map { instance -> Markup in
            let marker: Markup = instance.id == current ? " <span class=\"muted\">(\(t(.thisInstance)))</span>" : ""
            return """
                <tr><td data-label="\(t(.instanceName))"><div><span translate="no">\(instance.name)</span>\(marker)</div></td>
                <td data-label="\(t(.instanceAddress))"><span translate="no">\(instance.address)</span></td>
                <td data-label="\(t(.instanceVersion))"><span translate="no">\(instance.version)</span></td>
                <td data-label="\(t(.instanceStarted))">\(page.clock.format(instance.startedAt))</td>
                <td data-label="\(t(.instanceLastSeen))">\(page.clock.format(instance.lastSeen))</td></tr>
                """
        }
        return """
            <h3>\(t(.instancesAlive))</h3>
            <div class="table-wrap"><table class="list stack-on-phone">
            <thead><tr><th>\(t(.instanceName))</th><th>\(t(.instanceAddress))</th><th>\(t(.instanceVersion))</th>
            <th>\(t(.instanceStarted))</th><th>\(t(.instanceLastSeen))</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }
}
