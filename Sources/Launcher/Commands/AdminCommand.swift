import ArgumentParser
import Foundation
import Gateway
import Logging

/// `gemgate admin reset-token`: the way back in when the stored admin password is lost.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Administrative tasks.", subcommands: [ResetToken.self])

    struct ResetToken: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-token",
            abstract: "Set a new admin token in the database and print it. Restart a running gateway afterwards (or wait: other instances pick it up).")

        @Option(help: "Use this token instead of generating one.")
        var token: String?

        func run() async throws {
            let logger = Logger(label: "gemgate.admin")
            do {
                let launch = try LaunchEnvironment()
                let storage = try await StorageFactory.open(launch, logger: logger)
                _ = try await storage.prepare()
                let newToken = token ?? Secret.generateToken(prefix: "gg-admin-", length: 32)
                try await storage.saveSettings([SettingCatalog.authToken.name: newToken])
                await storage.shutdown()
                print("The admin token is now:\n\n    \(newToken)\n\nLog in to the panel with it. Restart Gemgate if it is running so that it takes effect.")
            } catch let problem as LaunchProblem {
                Banner.printProblem(problem)
                throw ExitCode(1)
            }
        }
    }
}
