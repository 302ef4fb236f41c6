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
        if services.cluster.status.isShared {
            // Several instances may share a server database; the panel lists the live ones.
            let instance = services.cluster.instance
            lines.append("  Instance       \(instance.name) (\(instance.id.prefix(8))); settings and key changes are shared with every instance on this database")
        }
        lines.append("  Keys           \(settings.apiKeys.count) Gemini API keys, \(settings.allowedTokens.count) access tokens")
        lines.append("  Strategy       \(settings.balanceStrategy)")
        lines.append("  Admin panel    http://\(shownHost):\(launch.port)/"
            + (launch.host == "0.0.0.0" ? "  (in a container: the app's public address)" : ""))
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
        lines += ignoredEnvironmentNotes(report.ignoredEnvironment)
        if launch.environmentWins && !report.firstBoot {
            lines.append("")
            lines.append("  Note: ENV_OVERRIDES_DATABASE=true, so the environment's values replaced the stored ones on this start.")
            lines.append("        Remove it now: while it is set, every restart undoes what you save in the panel.")
        }
        for notice in report.notices {
            lines.append("  Note: \(notice)")
        }
        write(lines.joined(separator: "\n"))
    }

    /// The database wins after the first start, so an edited environment seems to do nothing:
    /// say which values were ignored and the two ways to apply them. AUTH_TOKEN gets its own
    /// note, because it is the password people change when they cannot log in.
    static func ignoredEnvironmentNotes(_ names: [String]) -> [String] {
        var lines: [String] = []
        let authToken = SettingCatalog.authToken.name
        if names.contains(authToken) {
            lines.append("")
            lines.append("  Note: AUTH_TOKEN in the environment differs from the admin token stored in the database; the stored one")
            lines.append("        is still the panel password. To use the environment's AUTH_TOKEN, start once with")
            lines.append("        ENV_OVERRIDES_DATABASE=true (it applies every environment value), or run")
            lines.append("        `gemgate admin reset-token --token <token>` (in a container: docker exec <container> gemgate admin reset-token).")
        }
        let others = names.filter { $0 != authToken }
        if !others.isEmpty {
            lines.append("")
            lines.append("  Note: \(others.joined(separator: ", ")) in the environment \(others.count == 1 ? "differs" : "differ") from the database;"
                + " the stored \(others.count == 1 ? "value is" : "values are") used.")
            lines.append("        To apply the environment's \(others.count == 1 ? "value" : "values"), change \(others.count == 1 ? "it" : "them") in the panel,"
                + " or start once with ENV_OVERRIDES_DATABASE=true.")
        }
        return lines
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
