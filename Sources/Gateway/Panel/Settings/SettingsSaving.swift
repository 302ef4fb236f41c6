import Foundation
import Hummingbird
import Wire

/// Save on the settings page. The body carries the changed fields by setting name (as the
/// fields show them), optionally pasted keys and key weights by key id. Everything is parsed and
/// validated first; a single problem refuses the whole save (422, each problem named so the page
/// can highlight its field); otherwise `SettingsStore.update` stores all of it in one transaction
/// and applies it at once. The changes are worked out from the settings in force when this save's
/// turn comes (`SettingsStore.update(from:)`), so pasted keys are added to the keys as another
/// save left them, not as they were when this one arrived.
enum SettingsSaving {
    struct Outcome: Sendable {
        var changes: [String: SettingValue] = [:]
        var problems: [SettingValidator.Problem] = []
    }

    /// What a save found beside its changes, for the answer.
    private struct Saved: Sendable {
        let before: Settings
        let changed: [String]
    }

    static func save(_ body: JSONValue, services: GatewayServices, t: Translator) async -> Response {
        let validator = services.settings.validator
        do {
            let (after, saved) = try await services.settings.update(from: { current in
                let outcome = changes(from: body, current: current, validator: validator)
                guard outcome.problems.isEmpty else { throw SettingsUpdateError.invalid(outcome.problems) }
                return (outcome.changes, Saved(before: current, changed: outcome.changes.keys.sorted()))
            })
            guard !saved.changed.isEmpty else {
                return PanelResponse.json(.object(["message": .string(t(.nothingToSave)), "changed": .array([])]))
            }
            let relogin = saved.before.effectiveAdminToken != after.effectiveAdminToken
            return PanelResponse.json(.object([
                "message": .string(relogin ? t(.settingsSavedLoginAgain) : t(.settingsSaved)),
                "changed": .array(saved.changed.map(JSONValue.string)),
                "relogin": .bool(relogin),
            ]))
        } catch let error as SettingsUpdateError {
            switch error {
            case .invalid(let problems): return refused(problems, t: t)
            case .storageFailed: return failure(error, t: t).response(for: .gateway)
            }
        } catch {
            // Working out the changes throws nothing else; should that change, it is no success.
            return failure(.storageFailed(String(describing: error)), t: t).response(for: .gateway)
        }
    }

    static func changes(from body: JSONValue, current: Settings, validator: SettingValidator) -> Outcome {
        var outcome = Outcome()
        var typedAdminToken: String?
        for (name, raw) in body["values"]?.objectValue ?? [:] {
            guard let definition = SettingCatalog.definition(name) else {
                outcome.problems.append(.init(setting: name, message: LocalizedText(
                    en: "Unknown setting \(name).", zh: "未知的设置项 \(name)。")))
                continue
            }
            // Fields send their text; a list or an object here is a script's mistake to name.
            guard let text = raw.scalarText else {
                outcome.problems.append(.init(setting: name, message: PanelString.settingValueNotText.text))
                continue
            }
            if definition == SettingCatalog.authToken {
                // Checked below, against the client tokens this save leaves.
                typedAdminToken = text
                continue
            }
            do {
                let value = try SettingCodec.decode(SettingFormText.normalized(text, for: definition), as: definition)
                if let problem = validator.validate(value, for: definition) {
                    outcome.problems.append(problem)
                } else {
                    outcome.changes[name] = value
                }
            } catch {
                outcome.problems.append(.init(setting: name, message: error.message))
            }
        }

        if let typed = typedAdminToken {
            let clientTokens = outcome.changes[SettingCatalog.allowedTokens.name]?.list ?? current.allowedTokens
            if let problem = AdminTokenRule.problem(typed, stored: current.authToken, clientTokens: clientTokens) {
                outcome.problems.append(.init(setting: SettingCatalog.authToken.name, message: problem))
            } else {
                outcome.changes[SettingCatalog.authToken.name] = .text(typed)
            }
        }

        var keys = outcome.changes[SettingCatalog.apiKeys.name]?.list ?? current.apiKeys
        if let paste = body["keyPaste"], let text = paste["text"]?.stringValue, !text.isEmpty {
            let mode = paste["mode"]?.stringValue.flatMap(PastedKeys.Mode.init(rawValue:)) ?? .add
            let pasted = PastedKeys(text: text, current: keys, mode: mode)
            if pasted.found.isEmpty {
                outcome.problems.append(.init(setting: SettingCatalog.apiKeys.name, message: PanelString.noKeysInPaste.text))
            } else {
                keys = pasted.resulting
                outcome.changes[SettingCatalog.apiKeys.name] = .list(keys)
            }
        }
        if keys.isEmpty && !current.apiKeys.isEmpty && outcome.changes[SettingCatalog.apiKeys.name] != nil
            && body["confirmEmptyKeys"]?.boolValue != true
        {
            outcome.problems.append(.init(setting: SettingCatalog.apiKeys.name, message: PanelString.confirmRemoveAllKeys.text))
        }

        if let weights = body["weights"]?.objectValue, !weights.isEmpty {
            let directory = KeyDirectory(keys: current.apiKeys + keys)
            let kept = Set(keys)
            var map = (outcome.changes[SettingCatalog.keyWeights.name]?.numberMap ?? current[SettingCatalog.keyWeights].numberMap ?? [:])
                .filter { kept.contains($0.key) }
            for (id, raw) in weights {
                guard let key = directory.key(for: id), kept.contains(key) else { continue }
                guard let weight = raw.doubleValue, weight >= 0, weight <= 1_000 else {
                    outcome.problems.append(.init(setting: SettingCatalog.keyWeights.name, message: PanelString.weightOutOfRange.text))
                    continue
                }
                map[key] = weight == 1 ? nil : weight.rounded()
            }
            outcome.changes[SettingCatalog.keyWeights.name] = .numberMap(map)
        } else if let changedKeys = outcome.changes[SettingCatalog.apiKeys.name]?.list {
            // Weights of keys that are no longer configured go with them.
            let kept = Set(changedKeys)
            let map = current[SettingCatalog.keyWeights].numberMap ?? [:]
            if map.keys.contains(where: { !kept.contains($0) }) {
                outcome.changes[SettingCatalog.keyWeights.name] = .numberMap(map.filter { kept.contains($0.key) })
            }
        }
        return outcome
    }

    /// 422 with every problem, in the admin's language.
    static func refused(_ problems: [SettingValidator.Problem], t: Translator) -> Response {
        let list = problems.map { problem -> JSONValue in
            .object(["setting": .string(problem.setting), "message": .string(t(problem.message))])
        }
        let needsConfirmation = problems.contains { $0.message == PanelString.confirmRemoveAllKeys.text }
        return PanelResponse.json(.object([
            "error": .object(["message": .string(t(.settingsRefused)), "code": .int(422)]),
            "problems": .array(list),
            "confirmEmptyKeys": .bool(needsConfirmation),
        ]), status: .unprocessableContent)
    }

    /// A refused update as an error for callers that answer with one message.
    static func failure(_ error: SettingsUpdateError, t: Translator) -> GatewayError {
        switch error {
        case .invalid(let problems):
            return AdminAPI.error(422, problems.first.map { t($0.message) } ?? t(.settingsRefused))
        case .storageFailed:
            return AdminAPI.error(503, t(.settingsStorageFailed))
        }
    }
}
