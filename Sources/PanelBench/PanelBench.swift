import ArgumentParser
import Foundation

/// `panel-bench`: the admin panel at scale. Fills a SQLite database with 10,000 keys and
/// 1,000,000 request-log rows, starts a gateway on it, logs in, and times the monitor page and
/// key searches over HTTP, plus the storage queries behind them. Prints figures; asserts nothing.
/// Run it on a release build: `swift build -c release --product panel-bench`.
@main
struct PanelBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panel-bench", abstract: "Times the admin panel's monitor page and key search at scale.")

    @Option(help: "Configured API keys.")
    var keys = 10_000

    @Option(help: "Request-log rows.")
    var rows = 1_000_000

    @Option(help: "Days the rows are spread over (ending now).")
    var days = 30.0

    @Option(help: "Timed requests per figure (after warm-up).")
    var iterations = 30

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("panel-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let dataset = BenchDataset(keyCount: keys, rowCount: rows, days: days)
        print("panel-bench: \(keys) keys, \(rows) request-log rows over \(days) days, SQLite in \(folder.path)")
        let server = try await BenchServer.start(dataset: dataset, folder: folder.path)
        let fillTime = try await server.fill()
        print(String(format: "filled in %.1f s", fillTime))
        do {
            try await BenchMeasurements(server: server, dataset: dataset, iterations: iterations).run()
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
