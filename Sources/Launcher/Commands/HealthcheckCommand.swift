import ArgumentParser
import Gateway

/// `gemgate healthcheck`: the container image's HEALTHCHECK. It asks `GET /health` of the
/// gateway running beside it, on the `HOST`/`PORT` the environment gives (so `PORT=7860` on
/// Hugging Face needs no change to the image), and exits 0 only on a 200. Built in, because the
/// runtime image has no curl or wget, and a shell `/dev/tcp` trick cannot time out or read the
/// status line reliably.
struct HealthcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Exit 0 if the gateway on this machine's HOST:PORT answers GET /health with 200 (for container health checks).")

    @Option(help: "Seconds to wait for the connection and for the answer.")
    var timeout: Int = 4

    func run() throws {
        let launch: LaunchEnvironment
        do {
            launch = try LaunchEnvironment()
        } catch {
            print("unhealthy: \(error)")
            throw ExitCode(1)
        }
        let host = HealthProbe.localAddress(forListeningHost: launch.host)
        switch HealthProbe.statusOfGet(host: host, port: launch.port, path: "/health", timeoutSeconds: max(1, timeout)) {
        case .status(200):
            print("healthy: http://\(host):\(launch.port)/health answered 200")
        case .status(let code):
            print("unhealthy: http://\(host):\(launch.port)/health answered \(code)")
            throw ExitCode(1)
        case .failed(let reason):
            print("unhealthy: http://\(host):\(launch.port)/health: \(reason)")
            throw ExitCode(1)
        }
    }
}
