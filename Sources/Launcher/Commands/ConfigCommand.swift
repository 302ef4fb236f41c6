import ArgumentParser
import Foundation
import Gateway
import Strategies

/// `gemgate config check`: validates the environment without starting anything.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Inspect the configuration.", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the environment variables and say what is wrong, without starting the gateway.",
            discussion: "Nothing is opened, created or contacted: a database server's address is checked for form only.")

        func run() async throws {
            var problems: [String] = []
            let launch: LaunchEnvironment
            do {
                launch = try LaunchEnvironment()
            } catch {
                print("✗ \(error)")
                throw ExitCode(1)
            }
            switch DatabaseSettingsCheck.check(launch) {
            case .success(let location): print("✓ Database: \(location)")
            case .failure(let problem): problems.append(problem.description)
            }
            print("✓ Listening on \(launch.host):\(launch.port)")

            let validator = SettingValidator(strategyNames: StandardStrategies.catalog.names)
            do {
                let outcome = try SettingsBootstrap.resolve(
                    stored: [:], environment: launch.variables, environmentWins: false, validator: validator)
                print("✓ \(outcome.settings.apiKeys.count) API keys, \(outcome.settings.allowedTokens.count) access tokens, strategy \(outcome.settings.balanceStrategy)")
                if outcome.settings.apiKeys.isEmpty { print("• No API keys yet: add them in the admin panel after the first start.") }
                if outcome.generatedAdminToken != nil {
                    print("• No AUTH_TOKEN or ALLOWED_TOKENS: the first start will generate an admin token and print it once.")
                }
            } catch {
                for problem in error.problems { problems.append("\(problem.setting): \(problem.message.en)") }
            }
            if launch.environmentWins {
                print("• ENV_OVERRIDES_DATABASE=true: every start replaces the settings saved in the panel with these values. Remove it once they are applied.")
            }
            if problems.isEmpty {
                print("The configuration is valid.")
            } else {
                for problem in problems { print("✗ \(problem)") }
                throw ExitCode(1)
            }
        }
    }
}
