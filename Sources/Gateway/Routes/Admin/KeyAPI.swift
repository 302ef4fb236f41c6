import Foundation
import Hummingbird
import Wire

/// `/api/keys…`: the key list as JSON, reveal/copy (the only answers that carry full keys), the
/// per-key and batch actions, verification jobs with progress, and a key's details.
enum KeyAPI {
    static func register(on api: RouterGroup<GatewayRequestContext>, services: GatewayServices) {
        api.get("keys") { request, context -> Response in
            try await list(request, context: context, services: services)
        }
        api.post("keys/reveal") { request, context -> Response in
            let body = try await AdminAPI.body(request, context)
            let directory = KeyDirectory(keys: services.pool.configuredKeys)
            let ids = AdminAPI.strings(body["ids"], limit: 10_000)
            var keys: [String: JSONValue] = [:]
            for id in ids { if let key = directory.key(for: id) { keys[id] = .string(key) } }
            return AdminAPI.ok(["keys": .object(keys)])
        }
        api.post("keys/actions") { request, context -> Response in
            try await action(request, context: context, services: services)
        }
        api.post("keys/verify") { request, context -> Response in
            let t = AdminAPI.translator(context)
            let keys = try await KeySelection.keys(try await AdminAPI.body(request, context), services: services, t: t)
            guard !keys.isEmpty else { throw AdminAPI.error(400, t(.noKeysSelected)) }
            guard let job = services.panel.verificationJobs.start(keys) else {
                throw AdminAPI.error(429, t(.verificationBusy))
            }
            return AdminAPI.ok(["job": .string(job), "total": .int(Int64(keys.count))])
        }
        api.get("keys/verify/{job}") { request, context -> Response in
            let t = AdminAPI.translator(context)
            guard let id = context.parameters.get("job"), let progress = services.panel.verificationJobs.progress(id) else {
                throw AdminAPI.error(404, t(.verificationNotFound))
            }
            return PanelResponse.json(VerificationReport.json(progress))
        }
        api.get("keys/{id}/details") { request, context -> Response in
            try await details(request, context: context, services: services)
        }
    }

    static func list(_ request: Request, context: GatewayRequestContext, services: GatewayServices) async throws -> Response {
        let page = PageQuery(request)
        // An unknown status would list every key; a script asking for one has a typo to hear about.
        if let status = page["status"], KeyListQuery.Status(rawValue: status) == nil {
            throw KeySelection.refusal(.unknownStatus(status), t: AdminAPI.translator(context))
        }
        let query = KeyListQuery(page)
        let result = query.apply(services.pool.snapshot())
        let today = PanelClock(timeZoneName: services.settings.current[SettingCatalog.timezone].text ?? "UTC").startOfToday
        let calls = try await services.storage.requestCountsByKey(result.rows.map(\.key), since: today)
        let now = Date()
        let items = result.rows.map { key -> JSONValue in
            let counts = calls[key.key] ?? OutcomeCounts()
            return .object([
                "id": .string(KeyDirectory.id(of: key.key)),
                "masked": .string(key.masked),
                "status": .string(KeyListQuery.Status.of(key).rawValue),
                "failures": .int(Int64(key.record.consecutiveFailures)),
                "weight": .int(Int64(key.weight)),
                "lastErrorCode": key.record.lastErrorCode.map { .int(Int64($0)) } ?? .null,
                "lastErrorMessage": key.record.lastErrorMessage.map(JSONValue.string) ?? .null,
                "callsToday": .object(["success": .int(Int64(counts.successes)), "failure": .int(Int64(counts.failures))]),
                "cooldowns": .array(key.activeCooldowns.map { cooldown in
                    .object([
                        "model": .string(cooldown.model),
                        "secondsLeft": .int(Int64(max(0, cooldown.until.timeIntervalSince(now).rounded(.up)))),
                    ])
                }),
            ])
        }
        return AdminAPI.ok([
            "items": .array(items), "total": .int(Int64(result.total)), "page": .int(Int64(result.page)),
            "pages": .int(Int64(Pagination.pageCount(total: result.total, pageSize: query.pageSize))),
        ])
    }

    static func action(_ request: Request, context: GatewayRequestContext, services: GatewayServices) async throws -> Response {
        let t = AdminAPI.translator(context)
        let body = try await AdminAPI.body(request, context)
        let keys = try await KeySelection.keys(body, services: services, t: t)
        guard !keys.isEmpty else { throw AdminAPI.error(400, t(.noKeysSelected)) }
        let pool = services.pool
        switch body["action"]?.stringValue {
        case "reset":
            for key in keys { pool.reset(key: key) }
            return AdminAPI.ok(["affected": .int(Int64(keys.count)), "message": .string(t(.keysReset, String(keys.count)))])
        case "enable":
            for key in keys { pool.setEnabled(true, key: key) }
            return AdminAPI.ok(["affected": .int(Int64(keys.count)), "message": .string(t(.keysEnabled, String(keys.count)))])
        case "disable":
            for key in keys { pool.setEnabled(false, key: key) }
            return AdminAPI.ok(["affected": .int(Int64(keys.count)), "message": .string(t(.keysDisabled, String(keys.count)))])
        case "delete":
            let removed = try await KeyRemoval.remove(
                keys, confirmLast: body["confirmLast"]?.boolValue == true, settings: services.settings, t: t)
            return AdminAPI.ok(["affected": .int(Int64(removed)), "message": .string(t(.keysDeleted, String(removed)))])
        case "verify":
            // One key, answered directly (the batch form goes through a job).
            guard keys.count == 1 else { throw AdminAPI.error(400, t(.noKeysSelected)) }
            let result = await services.verifier.verify(keys[0])
            return PanelResponse.json(.object([
                "result": VerificationReport.outcomeJSON(result),
                "message": .string(VerificationReport.sentence(result, t: t)),
            ]))
        default:
            let action = body["action"]?.scalarText ?? ""
            throw AdminAPI.error(400, t(.unknownKeyAction, action, "reset, enable, disable, delete, verify"))
        }
    }

    static func details(_ request: Request, context: GatewayRequestContext, services: GatewayServices) async throws -> Response {
        let t = AdminAPI.translator(context)
        let snapshot = services.pool.snapshot()
        let directory = KeyDirectory(keys: snapshot.map(\.key))
        guard let id = context.parameters.get("id"), let key = directory.key(for: id),
              let state = snapshot.first(where: { $0.key == key })
        else { throw AdminAPI.error(404, t(.keyNotFound)) }
        let clock = PanelClock(timeZoneName: services.settings.current[SettingCatalog.timezone].text ?? "UTC")
        async let models = services.storage.requestCountsByModel(key: key, since: clock.now.addingTimeInterval(-86_400))
        async let errors = services.storage.errorLogs(
            ErrorLogFilter(key: key), order: .newestFirst, page: LogPageRequest(offset: 0, limit: 10))
        let modelRows = try await models.map { entry -> JSONValue in
            .object([
                "model": entry.model.map(JSONValue.string) ?? .null,
                "success": .int(Int64(entry.counts.successes)), "failure": .int(Int64(entry.counts.failures)),
            ])
        }
        let errorRows = try await errors.rows.map { row -> JSONValue in
            .object([
                "id": .int(row.id), "time": .string(clock.format(row.time)),
                "code": row.errorCode.map { .int(Int64($0)) } ?? .null,
                "type": row.errorType.map(JSONValue.string) ?? .null, "model": row.model.map(JSONValue.string) ?? .null,
            ])
        }
        return AdminAPI.ok([
            "id": .string(id), "masked": .string(state.masked),
            "status": .string(KeyListQuery.Status.of(state).rawValue),
            "failures": .int(Int64(state.record.consecutiveFailures)),
            "models": .array(modelRows), "errors": .array(errorRows),
        ])
    }
}
