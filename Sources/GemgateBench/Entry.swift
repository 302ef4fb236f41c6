import ArgumentParser

/// `gemgate-bench`: measures the gateway against the fake upstream and prints figures. It asserts
/// nothing; a machine's noise makes absolute numbers vary, so every figure that matters is a
/// ratio measured side by side in the same run.
@main
struct GemgateBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gemgate-bench",
        abstract: "Throughput, latency and memory of Gemgate beside a direct call to the fake upstream.")

    @Option(help: "Seconds each throughput row runs.")
    var seconds: Double = 5

    @Option(help: "Concurrent streams held open for the memory figure.")
    var streams: Int = 1000

    @Option(help: "Folder with the gemgate and fake-gemini binaries (default: next to this one).")
    var binaries: String?

    func run() async throws {
        let folder = binaries ?? BinaryLocation.folderOfThisExecutable()
        let report = try await ProxyBenchmark(
            binaries: folder, secondsPerRow: seconds, openStreams: streams
        ).run()
        print(report)
    }
}
