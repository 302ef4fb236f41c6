import AsyncHTTPClient
import Foundation
import Gateway
import NIOCore
import NIOHTTP1

/// Times the panel over HTTP (as a browser sees it, with the session cookie) and the storage
/// queries behind the monitor page, and prints the figures.
struct BenchMeasurements {
    let server: BenchServer
    let dataset: BenchDataset
    let iterations: Int

    static let client = HTTPClient(
        eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))

    func run() async throws {
        let cookie = try await login()
        let keys = dataset.keys
        print("")
        print("HTTP, with a session (median / p95 / max over \(iterations) requests after 3 warm-ups; then the body size")
        print("and the very first request, which for the monitor also counts the month's history):")
        try await report("monitor page /keys (1 h trend)", cookie: cookie, paths: ["/keys"], budget: 300)
        try await report("monitor page /keys?trend=24h", cookie: cookie, paths: ["/keys?trend=24h"], budget: 300)
        try await report("monitor page, 500 keys per page", cookie: cookie, paths: ["/keys?size=500"], budget: 300)
        let needles = (0..<iterations).map { index in String(keys[(index * 37) % keys.count].suffix(6)) }
        try await report("key search, page /keys?q=…", cookie: cookie, paths: needles.map { "/keys?q=\($0)" }, budget: 100)
        try await report("key search, API /api/keys?q=…", cookie: cookie, paths: needles.map { "/api/keys?q=\($0)" }, budget: 100)
        try await report("key search, no match", cookie: cookie, paths: ["/keys?q=no-such-key-text"], budget: 100)
        try await report("request-log page (24 h)", cookie: cookie, paths: ["/logs/requests"], budget: nil)
        try await report("error-log page", cookie: cookie, paths: ["/logs"], budget: nil)

        print("")
        print("Storage queries behind the monitor page (median / p95 / max):")
        let storage = server.storage
        let now = Date()
        let clock = PanelClockForBench(now: now)
        try await time("window counts (1 min, 1 h, 24 h, month)") {
            _ = try await storage.requestCounts(since: [
                now.addingTimeInterval(-60), now.addingTimeInterval(-3_600), now.addingTimeInterval(-86_400), clock.monthStart,
            ])
        }
        try await time("per-minute trend, 1 h") { _ = try await storage.requestsPerMinute(since: now.addingTimeInterval(-3_600)) }
        try await time("per-minute trend, 24 h") { _ = try await storage.requestsPerMinute(since: now.addingTimeInterval(-86_400)) }
        try await time("attention keys, 429, 24 h") {
            _ = try await storage.keysByErrorCount(errorCode: 429, since: now.addingTimeInterval(-86_400), limit: 1_000)
        }
        let page = Array(keys.prefix(20))
        try await time("calls today for 20 keys") { _ = try await storage.requestCountsByKey(page, since: clock.dayStart) }
        try await time("calls today for 500 keys") {
            _ = try await storage.requestCountsByKey(Array(keys.prefix(500)), since: clock.dayStart)
        }
        try await time("pool snapshot of \(keys.count) keys") { _ = server.services.pool.snapshot() }
    }

    private func login() async throws -> String {
        var request = HTTPClientRequest(url: server.baseURL + "/auth")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: "auth_token=" + BenchDataset.adminToken))
        let response = try await Self.client.execute(request, timeout: .seconds(30))
        guard let cookie = response.headers["set-cookie"].first(where: { $0.hasPrefix("gemgate_session=") }) else {
            throw BenchError("login failed: \(response.status)")
        }
        return String(cookie.split(separator: ";")[0])
    }

    private func report(_ name: String, cookie: String, paths: [String], budget: Double?) async throws {
        var samples: [Double] = []
        var first = 0.0
        var bytes = 0
        for index in 0..<(iterations + 3) {
            let path = paths[index % paths.count]
            var request = HTTPClientRequest(url: server.baseURL + path)
            request.headers.add(name: "Cookie", value: cookie)
            let started = ContinuousClock.now
            let response = try await Self.client.execute(request, timeout: .seconds(60))
            let body = try await response.body.collect(upTo: 64 << 20)
            let elapsed = (ContinuousClock.now - started) / .milliseconds(1)
            guard response.status == .ok else { throw BenchError("\(path) answered \(response.status)") }
            if index >= 3 { samples.append(elapsed) }
            if index == 0 { first = elapsed }
            bytes = body.readableBytes
        }
        let verdict = budget.map { budget in Self.percentile(samples, 0.5) < budget ? "  (budget \(Int(budget)) ms: met)" : "  (budget \(Int(budget)) ms: MISSED)" } ?? ""
        print("  " + Self.padded(name) + String(format: "%7.1f / %7.1f / %7.1f ms   %6d KB",
            Self.percentile(samples, 0.5), Self.percentile(samples, 0.95), samples.max() ?? 0, bytes / 1024)
            + String(format: "   first %6.1f ms", first) + verdict)
    }

    private func time(_ name: String, _ body: () async throws -> Void) async throws {
        var samples: [Double] = []
        for index in 0..<(iterations + 2) {
            let started = ContinuousClock.now
            try await body()
            if index >= 2 { samples.append((ContinuousClock.now - started) / .milliseconds(1)) }
        }
        print("  " + Self.padded(name) + String(format: "%7.1f / %7.1f / %7.1f ms",
            Self.percentile(samples, 0.5), Self.percentile(samples, 0.95), samples.max() ?? 0))
    }

    static func padded(_ name: String) -> String {
        name.count >= 42 ? name + " " : name + String(repeating: " ", count: 42 - name.count)
    }

    static func percentile(_ samples: [Double], _ fraction: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }
}

/// Start of today and of this month in the process's zone (the bench sets TIMEZONE to it).
struct PanelClockForBench {
    let dayStart: Date
    let monthStart: Date

    init(now: Date) {
        let calendar = Calendar.current
        dayStart = calendar.startOfDay(for: now)
        monthStart = calendar.date(from: calendar.dateComponents([.year, .month], from: now)) ?? dayStart
    }
}
