import Foundation
import Logging
import NIOCore

extension GatewayServices {
    /// What the start-up banner reports.
    public struct BootReport: Sendable {
        public let preparation: PreparationReport
        public let firstBoot: Bool
        /// Set when this start generated the admin token: shown once, never logged.
        public let generatedAdminToken: String?
        /// Environment values ignored because the database holds different ones.
        public let ignoredEnvironment: [String]
        public let notices: [String]
    }

    /// Opens the schema, settles the settings (environment vs database), restores key state and
    /// builds the services. Throws `LaunchProblem` for anything a person must fix first.
    public static func bootstrap(
        launch: LaunchEnvironment, storage: any Storage, strategies: StrategyCatalog, secrets: SecretRegistry,
        eventLoopGroup: any EventLoopGroup, logLevel: LogLevelControl? = nil, logger: Logger
    ) async throws -> (GatewayServices, BootReport) {
        let preparation = try await storage.prepare()
        let stored = try await storage.loadSettings()
        let validator = SettingValidator(strategyNames: strategies.names)
        let outcome: SettingsBootstrap.Outcome
        do {
            outcome = try SettingsBootstrap.resolve(
                stored: stored, environment: launch.variables, environmentWins: launch.environmentWins, validator: validator)
        } catch {
            let first = error.problems.first!
            throw LaunchProblem(
                "The environment variable \(first.setting) is not valid: \(first.message.en)",
                fix: error.problems.count > 1
                    ? "Fix it (and \(error.problems.count - 1) more: \(error.problems.dropFirst().map(\.setting).joined(separator: ", "))) and start again."
                    : "Fix it and start again.")
        }
        if !outcome.toStore.isEmpty { try await storage.saveSettings(outcome.toStore) }

        let settings = SettingsStore(initial: outcome.settings, storage: storage, validator: validator)
        let strategy = strategies.make(outcome.settings.balanceStrategy) ?? strategies.make(strategies.names[0])!
        let pool = KeyPool(strategy: strategy)
        pool.configure(keys: outcome.settings.apiKeys, weights: outcome.settings.keyWeights, maxFailures: outcome.settings.maxFailures)
        pool.restore(try await storage.loadKeyStates())
        secrets.update(Self.secretValues(of: outcome.settings))

        let services = GatewayServices(
            launch: launch, storage: storage, strategies: strategies, settings: settings, secrets: secrets, pool: pool,
            eventLoopGroup: eventLoopGroup, logLevel: logLevel, logger: logger)
        logLevel?.current = LogLevelControl.level(named: outcome.settings.logLevel)
        settings.onChange { [weak services] old, new in
            services?.apply(new, old: old)
        }
        let report = BootReport(
            preparation: preparation, firstBoot: outcome.firstBoot, generatedAdminToken: outcome.generatedAdminToken,
            ignoredEnvironment: outcome.ignoredEnvironment, notices: outcome.notices)
        return (services, report)
    }

    /// Applies a settings change to the parts that hold derived state; everything else reads
    /// `settings.current` per request and needs nothing.
    func apply(_ new: Settings, old: Settings) {
        if new.apiKeys != old.apiKeys || new.keyWeights != old.keyWeights || new.maxFailures != old.maxFailures {
            pool.configure(keys: new.apiKeys, weights: new.keyWeights, maxFailures: new.maxFailures)
        }
        if new.balanceStrategy != old.balanceStrategy, let strategy = strategies.make(new.balanceStrategy) {
            pool.setStrategy(strategy)
        }
        if new.baseURL != old.baseURL || new.filteredModels != old.filteredModels { models.invalidate() }
        secrets.update(Self.secretValues(of: new))
        if new.logLevel != old.logLevel { logLevel?.current = LogLevelControl.level(named: new.logLevel) }
    }

    /// Every secret value in the settings, for the log redactor.
    static func secretValues(of settings: Settings) -> [String] {
        var values: [String] = []
        for definition in SettingCatalog.all where definition.isSecret {
            switch settings[definition] {
            case .text(let text): values.append(text)
            case .list(let items): values += items
            case .numberMap(let map): values += map.keys
            case .map(let map): values += map.values
            default: break
            }
        }
        for proxy in settings.proxies.compactMap(ProxyAddress.init) {
            if let password = proxy.password { values.append(password) }
        }
        return values
    }
}
