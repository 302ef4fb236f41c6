import AsyncHTTPClient
import Foundation

/// Issue 5's figure: requests per second through Gemgate with each database behind it, beside
/// SQLite in the same run. Every request writes a log row and touches key state, so this shows
/// what the storage costs the request path (it should cost nothing: both are written off it).
///
/// The MySQL and PostgreSQL rows run when a URL is given (`mysql://user:pass@host:port/db`,
/// `postgres://user:pass@host:port/db`); the database is used as it is, so give a scratch one.
struct StorageBenchmark {
    let binaries: String
    let secondsPerRow: Double
    let mysqlURL: String?
    let postgresURL: String?
    var connectionCounts = [16, 64]

    /// Runs every available backend and returns the table to print.
    func run() async throws -> String {
        SystemLimits.raiseOpenFileLimit()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gemgate-storage-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }

        let fake = try ChildProcess(
            executable: binaries + "/fake-gemini", arguments: ["--host", "127.0.0.1", "--port", "0", "--no-record"],
            environment: ["PATH": "/usr/bin:/bin"])
        defer { fake.stop() }
        let fakeURL = try await fake.waitFor(#"fake-gemini listening on (http://[0-9.]+:[0-9]+)"#)

        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 1024)
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(60))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let report = try await measure(client: client, fakeURL: fakeURL, work: work)
            try? await client.shutdown()
            return report
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func measure(client: HTTPClient, fakeURL: String, work: String) async throws -> String {

        var backends: [(String, [String: String])] = [("sqlite", ["DATABASE_TYPE": "sqlite", "DATA_DIR": work + "/sqlite"])]
        if let mysqlURL, let variables = Self.mysqlVariables(mysqlURL) { backends.append(("mysql", variables)) }
        if let postgresURL { backends.append(("postgres", ["DATABASE_TYPE": "postgres", "DATABASE_URL": postgresURL])) }

        var table = ReportTable(columns: ["backend", "conns", "gemgate req/s", "vs sqlite", "p50 / p99 ms", "errors"])
        var sqliteRate: [Int: Double] = [:]
        for (name, variables) in backends {
            let gateway = try startGateway(database: variables, upstream: fakeURL, folder: work + "/" + name)
            defer { gateway.process.stop() }
            try await waitHealthy(gateway.url, client: client)
            let load = LoadGenerator(client: client) {
                ProxyBenchmark.post(gateway.url + "/v1beta/models/gemini-2.5-flash:generateContent",
                                    body: ProxyBenchmark.generateBody, header: ("x-goog-api-key", ProxyBenchmark.token))
            }
            _ = await load.run(connections: 8, seconds: 1)
            for connections in connectionCounts {
                let result = await load.run(connections: connections, seconds: secondsPerRow)
                if name == "sqlite" { sqliteRate[connections] = result.requestsPerSecond }
                let ratio = sqliteRate[connections].map { String(format: "%.2f", result.requestsPerSecond / $0) } ?? "-"
                table.add(row: [
                    name, String(connections), String(format: "%.0f", result.requestsPerSecond), ratio,
                    String(format: "%.2f / %.2f", result.percentile(0.5), result.percentile(0.99)), String(result.failures),
                ])
            }
        }
        return "Requests/s through Gemgate by database (generateContent against the fake upstream, \(secondsPerRow) s per row)\n"
            + table.render()
    }

    private func startGateway(database: [String: String], upstream: String, folder: String) throws -> ProxyBenchmark.StartedGateway {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let port = SystemLimits.freePort()
        let keyList = "[" + ProxyBenchmark.keys.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        var environment = [
            "API_KEYS": keyList, "ALLOWED_TOKENS": "[\"\(ProxyBenchmark.token)\"]", "BASE_URL": upstream + "/v1beta",
            "HOST": "127.0.0.1", "PORT": String(port), "LOG_LEVEL": "WARNING", "CHECK_INTERVAL_HOURS": "0",
            "ENV_OVERRIDES_DATABASE": "true", "PATH": "/usr/bin:/bin",
        ]
        environment.merge(database) { $1 }
        let process = try ChildProcess(executable: binaries + "/gemgate", environment: environment, workingDirectory: folder)
        return ProxyBenchmark.StartedGateway(process: process, url: "http://127.0.0.1:\(port)")
    }

    private func waitHealthy(_ url: String, client: HTTPClient) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let response = try? await client.execute(HTTPClientRequest(url: url + "/health"), timeout: .seconds(2)),
                response.status == .ok
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchmarkError("gemgate at \(url) did not become healthy")
    }

    /// gemini-balance's MYSQL_* variables from a mysql:// URL.
    static func mysqlVariables(_ url: String) -> [String: String]? {
        guard let parts = URLComponents(string: url), let host = parts.host else { return nil }
        return [
            "DATABASE_TYPE": "mysql", "MYSQL_HOST": host, "MYSQL_PORT": String(parts.port ?? 3306),
            "MYSQL_USER": parts.user ?? "", "MYSQL_PASSWORD": parts.password?.removingPercentEncoding ?? "",
            "MYSQL_DATABASE": String(parts.path.dropFirst()),
        ]
    }
}

/// The storage benchmark for `gemgate-bench`: the MySQL and PostgreSQL rows use the URLs given,
/// else `GEMGATE_TEST_MYSQL_URL` / `GEMGATE_TEST_POSTGRES_URL`.
func storageBenchmarkReport(binaries: String, secondsPerRow: Double, mysqlURL: String? = nil, postgresURL: String? = nil) async throws -> String {
    let environment = ProcessInfo.processInfo.environment
    func nonEmpty(_ text: String?) -> String? { text.flatMap { $0.isEmpty ? nil : $0 } }
    return try await StorageBenchmark(
        binaries: binaries, secondsPerRow: secondsPerRow,
        mysqlURL: nonEmpty(mysqlURL) ?? nonEmpty(environment["GEMGATE_TEST_MYSQL_URL"]),
        postgresURL: nonEmpty(postgresURL) ?? nonEmpty(environment["GEMGATE_TEST_POSTGRES_URL"])
    ).run()
}
