import ArgumentParser

/// `gemgate-bench`: measures the gateway against the fake upstream and prints figures. It asserts
/// nothing; a machine's noise makes absolute numbers vary, so every figure that matters is a
/// ratio measured side by side in the same run.
@main
struct GemgateBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gemgate-bench",
        abstract: "Throughput, latency and memory of Gemgate beside a direct call to the fake upstream.",
        subcommands: [Proxy.self, Storage.self],
        defaultSubcommand: Proxy.self)

    struct Common: ParsableArguments {
        @Option(help: "Seconds each throughput row runs.")
        var seconds: Double = 5

        @Option(help: "Folder with the gemgate and fake-gemini binaries (default: next to this one).")
        var binaries: String?

        var folder: String { binaries ?? BinaryLocation.folderOfThisExecutable() }
    }

    /// Issue 2 and 3: through Gemgate vs direct, and memory.
    struct Proxy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Gemgate beside the fake upstream, and its memory.")

        @OptionGroup var common: Common

        @Option(help: "Concurrent streams held open for the memory figure.")
        var streams: Int = 1000

        func run() async throws {
            print(try await ProxyBenchmark(binaries: common.folder, secondsPerRow: common.seconds, openStreams: streams).run())
        }
    }

    /// Issue 5: requests per second with each database behind Gemgate.
    struct Storage: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Requests per second on SQLite, and on MySQL and PostgreSQL when their URLs are given.")

        @OptionGroup var common: Common

        @Option(help: "A scratch MySQL/MariaDB database (mysql://user:pass@host:port/db); default $GEMGATE_TEST_MYSQL_URL.")
        var mysql: String?

        @Option(help: "A scratch PostgreSQL database (postgres://…); default $GEMGATE_TEST_POSTGRES_URL.")
        var postgres: String?

        func run() async throws {
            print(try await storageBenchmarkReport(
                binaries: common.folder, secondsPerRow: common.seconds, mysqlURL: mysql, postgresURL: postgres))
        }
    }
}
