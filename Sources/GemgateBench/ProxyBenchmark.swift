import AsyncHTTPClient
import Foundation
import NIOCore

/// Issue 2's benchmark (and issue 3's chat row): the same small calls through Gemgate and
/// straight to the fake upstream, side by side, then the gateway's memory idle and with many
/// open streams.
struct ProxyBenchmark {
    let binaries: String
    let secondsPerRow: Double
    let openStreams: Int

    static let token = "sk-bench-token"
    static let keys = (0..<10).map { "AIzaBench" + String(format: "%030d", $0) }
    static let slowKey = "AIzaBenchSlow" + String(repeating: "0", count: 26)
    static let generateBody = #"{"contents":[{"role":"user","parts":[{"text":"Say hello in five words."}]}]}"#
    static let chatBody = #"{"model":"gemini-2.5-flash","messages":[{"role":"user","content":"Say hello in five words."}]}"#

    func run() async throws -> String {
        SystemLimits.raiseOpenFileLimit()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gemgate-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }

        // The slow key holds streams open for the memory figure: 8 events a second apart.
        let scripts = #"{"\#(Self.slowKey)": {"slow": {"firstEventDelayMs": 200, "eventIntervalMs": 1000, "events": 8}}}"#
        let fake = try ChildProcess(
            executable: binaries + "/fake-gemini", arguments: ["--host", "127.0.0.1", "--port", "0", "--no-record"],
            environment: ["FAKE_GEMINI_KEYS": scripts, "PATH": "/usr/bin:/bin"])
        defer { fake.stop() }
        let fakeURL = try await fake.waitFor(#"fake-gemini listening on (http://[0-9.]+:[0-9]+)"#)

        let gateway = try startGateway(keys: Self.keys, upstream: fakeURL, folder: work + "/throughput")
        defer { gateway.process.stop() }

        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 4096)
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(60))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            try await waitHealthy(gateway, client: client)
            let report = try await measure(client: client, fakeURL: fakeURL, gateway: gateway, work: work)
            try? await client.shutdown()
            return report
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func measure(client: HTTPClient, fakeURL: String, gateway: StartedGateway, work: String) async throws -> String {

        let directGenerate = LoadGenerator(client: client) {
            Self.post(fakeURL + "/v1beta/models/gemini-2.5-flash:generateContent", body: Self.generateBody, header: ("x-goog-api-key", Self.keys[0]))
        }
        let gatewayGenerate = LoadGenerator(client: client) {
            Self.post(gateway.url + "/v1beta/models/gemini-2.5-flash:generateContent", body: Self.generateBody, header: ("x-goog-api-key", Self.token))
        }
        let directChat = LoadGenerator(client: client) {
            Self.post(fakeURL + "/v1beta/openai/chat/completions", body: Self.chatBody, header: ("Authorization", "Bearer \(Self.keys[0])"))
        }
        let gatewayChat = LoadGenerator(client: client) {
            Self.post(gateway.url + "/v1/chat/completions", body: Self.chatBody, header: ("Authorization", "Bearer \(Self.token)"))
        }

        // Warm both paths (connections, caches, JIT-free but allocator-warm).
        _ = await directGenerate.run(connections: 8, seconds: 1)
        _ = await gatewayGenerate.run(connections: 8, seconds: 1)
        _ = await gatewayChat.run(connections: 8, seconds: 1)

        var table = ReportTable(columns: ["scenario", "conns", "direct req/s", "gemgate req/s", "ratio", "direct p50/p99 ms", "gemgate p50/p99 ms", "added p50 ms", "errors"])
        var ratioAt64 = 0.0
        var addedP50At64 = 0.0
        for connections in [1, 16, 64] {
            let direct = await directGenerate.run(connections: connections, seconds: secondsPerRow)
            let through = await gatewayGenerate.run(connections: connections, seconds: secondsPerRow)
            table.add(row: Self.row("generateContent", connections, direct, through))
            if connections == 64 {
                ratioAt64 = through.requestsPerSecond / direct.requestsPerSecond
                addedP50At64 = through.percentile(0.5) - direct.percentile(0.5)
            }
        }
        let chatDirect = await directChat.run(connections: 64, seconds: secondsPerRow)
        let chatThrough = await gatewayChat.run(connections: 64, seconds: secondsPerRow)
        table.add(row: Self.row("chat.completions", 64, chatDirect, chatThrough))
        gateway.process.stop()

        // Memory: a fresh gateway whose only key streams slowly, idle and then holding streams.
        let streaming = try startGateway(keys: [Self.slowKey], upstream: fakeURL, folder: work + "/streams")
        defer { streaming.process.stop() }
        try await waitHealthy(streaming, client: client)
        _ = await LoadGenerator(client: client) {
            Self.post(streaming.url + "/v1beta/models/gemini-2.5-flash:countTokens", body: Self.generateBody, header: ("x-goog-api-key", Self.token))
        }.run(connections: 2, seconds: 0.5)
        try await Task.sleep(for: .seconds(2))
        let idle = MemoryProbe.residentMegabytes(pid: streaming.process.pid) ?? .nan
        let (peak, completed) = await holdStreams(client: client, gateway: streaming)

        var memory = ReportTable(columns: ["memory (gemgate process)", "RSS MB"])
        memory.add(row: ["idle, after start", String(format: "%.1f", idle)])
        memory.add(row: ["\(openStreams) open streams (peak)", String(format: "%.1f", peak)])
        var lines = [
            "Gemgate benchmark — \(ProcessInfo.processInfo.activeProcessorCount) cores, \(secondsPerRow) s per row, load generator, gateway and fake upstream on one machine",
            "",
            table.render(),
            "",
            memory.render(),
            "",
            String(format: "Throughput through Gemgate at 64 connections: %.2f× direct. Added p50 latency: %.2f ms.", ratioAt64, addedP50At64),
            "Streams held: \(completed) of \(openStreams) completed normally.",
        ]
        if let extra = ProcessInfo.processInfo.environment["GEMGATE_BENCH_NOTE"] { lines.append(extra) }
        return lines.joined(separator: "\n")
    }

    /// Opens `openStreams` slow streams at once and samples the gateway's RSS while they are open.
    private func holdStreams(client: HTTPClient, gateway: StartedGateway) async -> (peakMB: Double, completed: Int) {
        await withTaskGroup(of: Bool.self) { group in
            let url = gateway.url + "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"
            for _ in 0..<openStreams {
                group.addTask {
                    do {
                        let response = try await client.execute(Self.post(url, body: Self.generateBody, header: ("x-goog-api-key", Self.token)), timeout: .seconds(60))
                        let body = try await response.body.collect(upTo: 1 << 20)
                        return response.status == .ok && String(buffer: body).contains("finishReason")
                    } catch {
                        return false
                    }
                }
            }
            var peak = 0.0
            for _ in 0..<25 {
                try? await Task.sleep(for: .milliseconds(200))
                peak = max(peak, MemoryProbe.residentMegabytes(pid: gateway.process.pid) ?? 0)
            }
            var completed = 0
            for await ok in group where ok { completed += 1 }
            return (peak, completed)
        }
    }

    /// Polls `/health` until the gateway answers.
    private func waitHealthy(_ gateway: StartedGateway, client: HTTPClient) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let response = try? await client.execute(HTTPClientRequest(url: gateway.url + "/health"), timeout: .seconds(2)),
                response.status == .ok
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchmarkError("gemgate at \(gateway.url) did not become healthy")
    }

    struct StartedGateway {
        let process: ChildProcess
        let url: String
    }

    private func startGateway(keys: [String], upstream: String, folder: String) throws -> StartedGateway {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let port = SystemLimits.freePort()
        let keyList = "[" + keys.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        let environment = [
            "API_KEYS": keyList, "ALLOWED_TOKENS": "[\"\(Self.token)\"]", "BASE_URL": upstream + "/v1beta",
            "HOST": "127.0.0.1", "PORT": String(port), "DATA_DIR": folder, "LOG_LEVEL": "WARNING",
            "CHECK_INTERVAL_HOURS": "0", "PATH": "/usr/bin:/bin",
        ]
        let process = try ChildProcess(executable: binaries + "/gemgate", environment: environment, workingDirectory: folder)
        return StartedGateway(process: process, url: "http://127.0.0.1:\(port)")
    }

    static func post(_ url: String, body: String, header: (String, String)) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: header.0, value: header.1)
        request.body = .bytes(ByteBuffer(string: body))
        return request
    }

    static func row(_ name: String, _ connections: Int, _ direct: LoadGenerator.Result, _ through: LoadGenerator.Result) -> [String] {
        [
            name, String(connections),
            String(format: "%.0f", direct.requestsPerSecond), String(format: "%.0f", through.requestsPerSecond),
            String(format: "%.2f", through.requestsPerSecond / direct.requestsPerSecond),
            String(format: "%.2f / %.2f", direct.percentile(0.5), direct.percentile(0.99)),
            String(format: "%.2f / %.2f", through.percentile(0.5), through.percentile(0.99)),
            String(format: "%+.2f", through.percentile(0.5) - direct.percentile(0.5)),
            "\(direct.failures)/\(through.failures)",
        ]
    }
}
