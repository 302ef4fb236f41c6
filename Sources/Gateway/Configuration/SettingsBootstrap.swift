import Foundation

/// Decides the settings a start runs with, from what is stored and what the environment says.
///
/// The rules (DESIGN.md §2): on first boot the environment (or the default) seeds every setting;
/// afterwards the database wins, as in gemini-balance, and every environment value that differs
/// from the stored one is named in a warning. `ENV_OVERRIDES_DATABASE=true` lets the environment
/// win instead. Placeholders (`[""]`, empty text) count as "not set". When no admin token exists
/// at all, a strong one is generated, stored and returned to be shown once.
public enum SettingsBootstrap {
    public struct Outcome: Sendable {
        public var settings: Settings
        /// Setting text to write back (first-boot seeds, overrides, repairs).
        public var toStore: [String: String]
        /// Names of environment values that were ignored because the database differs.
        public var ignoredEnvironment: [String]
        /// Plain sentences for the log: repaired values and the like.
        public var notices: [String]
        /// Set when this start generated the admin token; shown once, never logged.
        public var generatedAdminToken: String?
        /// True when the database held no settings yet.
        public var firstBoot: Bool
    }

    /// An environment value that could not be read.
    public struct InvalidEnvironment: Error, Sendable {
        public let problems: [SettingValidator.Problem]
    }

    public static func resolve(
        stored: [String: String], environment: [String: String], environmentWins: Bool, validator: SettingValidator
    ) throws(InvalidEnvironment) -> Outcome {
        var settings = Settings()
        var toStore: [String: String] = [:]
        var ignored: [String] = []
        var notices: [String] = []
        var problems: [SettingValidator.Problem] = []
        let firstBoot = stored.isEmpty

        for definition in SettingCatalog.all {
            var fromEnvironment: SettingValue?
            if let text = environment[definition.name] {
                do {
                    let value = try SettingCodec.decode(text, as: definition)
                    if let problem = validator.validate(value, for: definition) {
                        problems.append(problem)
                    } else if !isPlaceholder(text: text, value: value) {
                        fromEnvironment = value
                    }
                } catch {
                    problems.append(.init(setting: definition.name, message: error.message))
                }
            }

            var fromDatabase: SettingValue?
            if let text = stored[definition.name] {
                do {
                    let value = try SettingCodec.decode(text, as: definition)
                    if definition.name == SettingCatalog.authToken.name && isPlaceholder(text: text, value: value) {
                        // An empty stored admin token is no password at all (gemini-balance
                        // stored one and then refused every login): the environment's token, or
                        // a generated one, takes its place instead of being ignored.
                        fromDatabase = nil
                    } else if validator.validate(value, for: definition) == nil {
                        fromDatabase = value
                    } else {
                        notices.append("The stored \(definition.name) is not valid for Gemgate; the default is used and the stored value is left as it is. Fix it in the panel.")
                    }
                } catch {
                    notices.append("The stored \(definition.name) could not be read; the default is used and the stored value is left as it is. Fix it in the panel.")
                }
            }
            // A stored value Gemgate cannot use is not overwritten: gemini-balance may still read it.
            let storedButUnusable = stored[definition.name] != nil && fromDatabase == nil

            switch (fromDatabase, fromEnvironment) {
            case (let stored?, let environmentValue?):
                if stored == environmentValue {
                    settings[definition] = stored
                } else if environmentWins {
                    settings[definition] = environmentValue
                    toStore[definition.name] = SettingCodec.encode(environmentValue)
                } else {
                    settings[definition] = stored
                    ignored.append(definition.name)
                }
            case (let stored?, nil):
                settings[definition] = stored
            case (nil, let environmentValue?):
                settings[definition] = environmentValue
                toStore[definition.name] = SettingCodec.encode(environmentValue)
            case (nil, nil):
                if !storedButUnusable { toStore[definition.name] = SettingCodec.encode(definition.defaultValue) }
            }
        }
        if !problems.isEmpty { throw InvalidEnvironment(problems: problems) }

        // gemini-balance's rule: an empty AUTH_TOKEN means the first allowed token. Store it
        // explicitly, as gemini-balance does, so both programs agree on the admin password.
        var generated: String?
        if settings.authToken.isEmpty {
            let token: String
            if let first = settings.allowedTokens.first {
                token = first
            } else {
                token = Secret.generateToken(prefix: "gg-admin-", length: 32)
                generated = token
            }
            settings[SettingCatalog.authToken] = .text(token)
            toStore[SettingCatalog.authToken.name] = token
        }
        return Outcome(
            settings: settings, toStore: toStore, ignoredEnvironment: ignored, notices: notices,
            generatedAdminToken: generated, firstBoot: firstBoot)
    }

    /// The guide's placeholders (`API_KEYS=[""]`, `AUTH_TOKEN=`) mean "not set".
    static func isPlaceholder(text: String, value: SettingValue) -> Bool {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return true }
        switch value {
        case .list(let items): return items.isEmpty
        case .text(let text): return text.isEmpty
        default: return false
        }
    }
}
