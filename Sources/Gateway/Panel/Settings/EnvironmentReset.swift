/// Reset on the settings page: every setting back to the environment's value (as the process was
/// started) or, where the environment says nothing, its default. Two exceptions keep the gateway
/// usable: without keys in the environment the current keys stay, and without an admin token in
/// the environment the current admin token stays. Each exception is reported.
enum EnvironmentReset {
    struct Plan: Sendable {
        var values: [String: SettingValue] = [:]
        var problems: [SettingValidator.Problem] = []
        var keptKeys = false
        var keptAdminToken = false
    }

    static func plan(environment: [String: String], current: Settings, validator: SettingValidator) -> Plan {
        var plan = Plan()
        for definition in SettingCatalog.all {
            var value = definition.defaultValue
            if let text = environment[definition.name] {
                do {
                    let parsed = try SettingCodec.decode(text, as: definition)
                    if let problem = validator.validate(parsed, for: definition) {
                        plan.problems.append(problem)
                        continue
                    }
                    if !SettingsBootstrap.isPlaceholder(text: text, value: parsed) { value = parsed }
                } catch {
                    plan.problems.append(.init(setting: definition.name, message: error.message))
                    continue
                }
            }
            if definition == SettingCatalog.apiKeys, value.list?.isEmpty ?? true {
                value = .list(current.apiKeys)
                plan.keptKeys = true
            }
            if definition == SettingCatalog.authToken, value.text?.isEmpty ?? true {
                value = .text(current.authToken)
                plan.keptAdminToken = true
            }
            plan.values[definition.name] = value
        }
        return plan
    }
}
