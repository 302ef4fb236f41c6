import ArgumentParser

/// `gemgate`: runs the gateway (`serve`, the default) and the maintenance commands.
public struct GemgateCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gemgate",
        abstract: "A Gemini API gateway: spreads your clients' calls over many Gemini API keys.",
        subcommands: [ServeCommand.self, ConfigCommand.self, AdminCommand.self, HealthcheckCommand.self, MigrateCommand.self],
        defaultSubcommand: ServeCommand.self)

    public init() {}
}
