import Foundation
import Hummingbird
import Wire

/// `/api/logs…`: error and request logs as JSON (same filters as the pages), an error's details,
/// the full key of one error row (explicit reveal), and deleting selected or all error logs.
enum LogAPI {
    static func register(on api: RouterGroup<GatewayRequestContext>, services: GatewayServices) {
        api.get("logs/errors") { request, context -> Response in
            let clock = StatsAPI.clock(services)
            let query = LogPageQuery(PageQuery(request), clock: clock)
            let result = try await services.storage.errorLogs(query.errorFilter, order: query.order, page: query.pageRequest)
            return AdminAPI.ok([
                "rows": .array(result.rows.map { summaryJSON($0, clock: clock) }), "total": .int(Int64(result.total)),
            ])
        }

        api.get("logs/errors/{id}") { request, context -> Response in
            let t = AdminAPI.translator(context)
            guard let id = context.parameters.get("id").flatMap(Int64.init),
                  let detail = try await services.storage.errorLogDetail(id: id)
            else { throw AdminAPI.error(404, t(.logNotFound)) }
            var fields = summaryJSON(detail.summary, clock: StatsAPI.clock(services)).objectValue ?? [:]
            fields["errorLog"] = detail.errorLog.map(JSONValue.string) ?? .null
            fields["requestBody"] = detail.requestBody.map(JSONValue.string) ?? .null
            return AdminAPI.ok(fields)
        }

        api.post("logs/errors/{id}/key") { request, context -> Response in
            let t = AdminAPI.translator(context)
            guard let id = context.parameters.get("id").flatMap(Int64.init),
                  let detail = try await services.storage.errorLogDetail(id: id)
            else { throw AdminAPI.error(404, t(.logNotFound)) }
            let key = detail.summary.apiKey ?? ""
            let admin = services.settings.current.effectiveAdminToken ?? ""
            // A row can hold whatever a caller sent as a key; never let it echo the admin token.
            if !admin.isEmpty && Secret.constantTimeEquals(key, admin) { throw AdminAPI.error(403, t(.adminTokenNeverShown)) }
            return AdminAPI.ok(["key": .string(key)])
        }

        api.post("logs/errors/delete") { request, context -> Response in
            let t = AdminAPI.translator(context)
            let body = try await AdminAPI.body(request, context)
            let ids = (body["ids"]?.arrayValue ?? []).prefix(10_000).compactMap { $0.intValue.map(Int64.init) }
            guard !ids.isEmpty else { throw AdminAPI.error(400, t(.noRowsSelected)) }
            let deleted = try await services.storage.deleteErrorLogs(ids: ids)
            return AdminAPI.ok(["deleted": .int(Int64(deleted)), "message": .string(t(.logsDeleted, String(deleted)))])
        }

        api.post("logs/errors/delete-all") { request, context -> Response in
            let t = AdminAPI.translator(context)
            let body = try await AdminAPI.body(request, context)
            guard body["confirm"]?.boolValue == true else { throw AdminAPI.error(400, t(.deleteAllNeedsConfirmation)) }
            let deleted = try await services.storage.deleteAllErrorLogs()
            return AdminAPI.ok(["deleted": .int(Int64(deleted)), "message": .string(t(.logsDeleted, String(deleted)))])
        }

        api.get("logs/requests") { request, context -> Response in
            let clock = StatsAPI.clock(services)
            let query = LogPageQuery(PageQuery(request), clock: clock, defaultFrom: clock.now.addingTimeInterval(-86_400))
            let result = try await services.storage.requestLogs(query.requestFilter, order: query.order, page: query.pageRequest)
            return AdminAPI.ok([
                "rows": .array(result.rows.map { RequestRowJSON.make($0, clock: clock) }), "total": .int(Int64(result.total)),
            ])
        }
    }

    static func summaryJSON(_ row: ErrorLogSummary, clock: PanelClock) -> JSONValue {
        .object([
            "id": .int(row.id), "time": .string(clock.format(row.time)), "key": .string(Secret.mask(row.apiKey ?? "")),
            "type": row.errorType.map(JSONValue.string) ?? .null, "code": row.errorCode.map { .int(Int64($0)) } ?? .null,
            "model": row.model.map(JSONValue.string) ?? .null,
        ])
    }
}
