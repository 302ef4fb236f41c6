import Foundation
import Gateway

/// What Gemgate says when it starts: one block that tells a person where it listens, what it
/// opened, and how to log in — and problems as plain sentences with the fix.
enum Banner {
    static func print(services: GatewayServices, report: GatewayServices.BootReport) {
        let settings = services.settings.current
        let launch = services.launch
        let shownHost = launch.host == "0.0.0.0" ? "localhost" : launch.host
        var lines: [String] = []
        lines.append("Gemgate \(GatewayServices.version)")
        lines.append("  Listening on   http://\(launch.host):\(launch.port)")
        var database = "\(services.storage.summary.type) at \(services.storage.summary.location)"
        if report.preparation.openedGeminiBalanceDatabase { database += " (opened an existing gemini-balance database)" }
        lines.append("  Database       \(database)")
        lines.append("  Keys           \(settings.apiKeys.count) Gemini API keys, \(settings.allowedTokens.count) access tokens")
        lines.append("  Strategy       \(settings.balanceStrategy)")
        lines.append("  Admin panel    http://\(shownHost):\(launch.port)/")
        if let token = report.generatedAdminToken {
            lines.append("")
            lines.append("  No admin token was configured, so Gemgate made one. Log in to the panel with:")
            lines.append("")
            lines.append("      \(token)")
            lines.append("")
            lines.append("  It is stored in the database and will not be shown again. Keep it safe.")
        }
        if settings.apiKeys.isEmpty {
            lines.append("")
            lines.append("  No Gemini API keys yet: open the admin panel, add them under Settings, and press Save.")
        }
        for name in report.ignoredEnvironment {
            lines.append("")
            lines.append("  Note: \(name) in the environment differs from the value stored in the database; the stored value is used.")
            lines.append("        To apply the environment's value, change it in the panel, or start once with ENV_OVERRIDES_DATABASE=true.")
        }
        for notice in report.notices {
            lines.append("  Note: \(notice)")
        }
        write(lines.joined(separator: "\n"))
    }

    static func printProblem(_ problem: LaunchProblem) {
        write("Gemgate cannot start: \(problem.cause)\(problem.fix.isEmpty ? "" : " \(problem.fix)")")
    }

    /// Straight to file descriptor 1, unbuffered, so the lines are there even when output goes
    /// to a file or a pipe and the process stops right after.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
