import Foundation
import Hummingbird
import Wire

/// `/api/stats…`: the monitor's figures as JSON (the same queries as the page), and the calls
/// behind one window for its detail table — one page at a time, keys masked.
enum StatsAPI {
    static func register(on api: RouterGroup<GatewayRequestContext>, services: GatewayServices) {
        api.get("stats/summary") { request, context -> Response in
            let clock = clock(services)
            var calls: [String: JSONValue] = [:]
            for (window, count) in try await services.panel.callWindows.counts(storage: services.storage, clock: clock) {
                calls[window.rawValue] = .object([
                    "success": .int(Int64(count.successes)), "failure": .int(Int64(count.failures)),
                    "total": .int(Int64(count.total)),
                ])
            }
            var keys: [String: JSONValue] = [:]
            let snapshot = services.pool.snapshot()
            for status in KeyListQuery.Status.allCases {
                keys[status.rawValue] = .int(Int64(snapshot.filter(status.matches).count))
            }
            return AdminAPI.ok(["calls": .object(calls), "keys": .object(keys)])
        }

        api.get("stats/details") { request, context -> Response in
            let t = AdminAPI.translator(context)
            let clock = clock(services)
            let query = PageQuery(request)
            guard let window = query["period"].flatMap(CallWindow.init(rawValue:)) else {
                throw AdminAPI.error(400, t(.unknownPeriod))
            }
            let page = query.integer("page", default: 1, in: 1...100_000)
            let size = query.integer("size", default: 50, in: 10...200)
            let result = try await services.storage.requestLogs(
                RequestLogFilter(from: window.start(clock)), order: .newestFirst,
                page: LogPageRequest(offset: (page - 1) * size, limit: size))
            return AdminAPI.ok([
                "rows": .array(result.rows.map { RequestRowJSON.make($0, clock: clock) }),
                "total": .int(Int64(result.total)), "page": .int(Int64(page)),
                "pages": .int(Int64(Pagination.pageCount(total: result.total, pageSize: size))),
            ])
        }
    }

    static func clock(_ services: GatewayServices) -> PanelClock {
        PanelClock(timeZoneName: services.settings.current[SettingCatalog.timezone].text ?? "UTC")
    }
}

/// A request-log row for the browser: the key masked, the time in the configured zone.
enum RequestRowJSON {
    static func make(_ row: RequestLogRecord, clock: PanelClock) -> JSONValue {
        .object([
            "id": .int(row.id), "time": .string(clock.format(row.time)),
            "key": .string(Secret.mask(row.apiKey ?? "")), "model": row.model.map(JSONValue.string) ?? .null,
            "status": row.statusCode.map { .int(Int64($0)) } ?? .null, "success": .bool(row.isSuccess),
            "latencyMs": row.latencyMs.map { .int(Int64($0)) } ?? .null,
        ])
    }
}
