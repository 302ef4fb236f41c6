import Hummingbird
import Wire

/// `/api/config…`: save (validated, all or nothing, applied at once), a preview of pasted keys,
/// reveal one secret setting, and reset to the environment (confirmed).
enum SettingsAPI {
    static func register(on api: RouterGroup<GatewayRequestContext>, services: GatewayServices) {
        api.put("config") { request, context -> Response in
            let body = try await AdminAPI.body(request, context)
            return await SettingsSaving.save(body, services: services, t: AdminAPI.translator(context))
        }

        api.post("config/keys/preview") { request, context -> Response in
            let body = try await AdminAPI.body(request, context)
            let mode = body["mode"]?.stringValue.flatMap(PastedKeys.Mode.init(rawValue:)) ?? .add
            let pasted = PastedKeys(text: body["text"]?.stringValue ?? "", current: services.settings.current.apiKeys, mode: mode)
            let t = AdminAPI.translator(context)
            return AdminAPI.ok([
                "found": .int(Int64(pasted.found.count)), "duplicates": .int(Int64(pasted.duplicates)),
                "alreadyPresent": .int(Int64(pasted.alreadyPresent)), "new": .int(Int64(pasted.new.count)),
                "resulting": .int(Int64(pasted.resulting.count)), "removed": .int(Int64(pasted.removed)),
                "preview": .array(pasted.new.prefix(10).map { .string(Secret.mask($0)) }),
                "summary": .string(summary(pasted, mode: mode, t: t)),
            ])
        }

        api.post("config/reveal") { request, context -> Response in
            let t = AdminAPI.translator(context)
            let body = try await AdminAPI.body(request, context)
            guard let name = body["name"]?.stringValue, let definition = SettingCatalog.definition(name),
                  definition.isSecret, definition != SettingCatalog.keyWeights
            else { throw AdminAPI.error(400, t(.cannotReveal)) }
            guard definition != SettingCatalog.authToken else { throw AdminAPI.error(403, t(.adminTokenNeverShown)) }
            let settings = services.settings.current
            let admin = settings.effectiveAdminToken ?? ""
            switch settings[definition] {
            case .list(let items):
                // The admin token is never sent, not even as one of the client tokens.
                let shown = items.filter { admin.isEmpty || !Secret.constantTimeEquals($0, admin) }
                return AdminAPI.ok([
                    "text": .string(shown.joined(separator: "\n")),
                    "note": shown.count < items.count ? .string(t(.adminTokenWithheld)) : .null,
                ])
            case .text(let text):
                guard admin.isEmpty || !Secret.constantTimeEquals(text, admin) else {
                    throw AdminAPI.error(403, t(.adminTokenNeverShown))
                }
                return AdminAPI.ok(["text": .string(text)])
            case let other:
                return AdminAPI.ok(["text": .string(SettingCodec.encode(other))])
            }
        }

        api.post("config/reset") { request, context -> Response in
            let t = AdminAPI.translator(context)
            let body = try await AdminAPI.body(request, context)
            guard body["confirm"]?.boolValue == true else { throw AdminAPI.error(400, t(.resetNeedsConfirmation)) }
            let (environment, validator) = (services.launch.variables, services.settings.validator)
            do {
                // Planned from the settings in force when its turn comes, like any partial change.
                let (after, (plan, before)) = try await services.settings.update(from: { current in
                    let plan = EnvironmentReset.plan(environment: environment, current: current, validator: validator)
                    guard plan.problems.isEmpty else { throw SettingsUpdateError.invalid(plan.problems) }
                    return (plan.values, (plan, current))
                })
                var notes = [t(.settingsResetDone)]
                if plan.keptKeys { notes.append(t(.resetKeptKeys)) }
                if plan.keptAdminToken { notes.append(t(.resetKeptAdminToken)) }
                let relogin = before.effectiveAdminToken != after.effectiveAdminToken
                if relogin { notes.append(t(.loginAgainNewToken)) }
                return AdminAPI.ok(["message": .string(notes.joined(separator: " ")), "relogin": .bool(relogin)])
            } catch SettingsUpdateError.invalid(let problems) {
                return SettingsSaving.refused(problems, t: t)
            } catch let error as SettingsUpdateError {
                throw SettingsSaving.failure(error, t: t)
            }
        }
    }

    static func summary(_ pasted: PastedKeys, mode: PastedKeys.Mode, t: Translator) -> String {
        guard !pasted.found.isEmpty else { return t(.noKeysInPasteShort) }
        var parts = [t(.pasteFound, String(pasted.found.count))]
        if pasted.duplicates > 0 { parts.append(t(.pasteDuplicates, String(pasted.duplicates))) }
        switch mode {
        case .add:
            if pasted.alreadyPresent > 0 { parts.append(t(.pasteAlreadyPresent, String(pasted.alreadyPresent))) }
            parts.append(t(.pasteWillAdd, String(pasted.new.count), String(pasted.resulting.count)))
        case .replace:
            parts.append(t(.pasteWillReplace, String(pasted.resulting.count), String(pasted.new.count), String(pasted.removed)))
        }
        return parts.joined(separator: t(.listSeparator))
    }
}
