import AsyncHTTPClient
import Foundation
import Gateway
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import StorageSQL
import StorageSQLite
import Strategies
import Wire

/// A gateway on the benchmark's database, listening on loopback, with a logged-in panel client.
final class BenchServer: Sendable {
    let services: GatewayServices
    let storage: SQLStorage
    let dataset: BenchDataset
    let baseURL: String
    let group: ServiceGroup
    let runner: Task<Void, Error>

    private init(
        services: GatewayServices, storage: SQLStorage, dataset: BenchDataset, baseURL: String, group: ServiceGroup,
        runner: Task<Void, Error>
    ) {
        self.services = services
        self.storage = storage
        self.dataset = dataset
        self.baseURL = baseURL
        self.group = group
        self.runner = runner
    }

    static func start(dataset: BenchDataset, folder: String) async throws -> BenchServer {
        var logger = Logger(label: "panel-bench")
        logger.logLevel = .warning
        let port = Int.random(in: 20_000...40_000)
        let keys = dataset.keys
        let launch = try LaunchEnvironment([
            "API_KEYS": JSONValue.array(keys.map(JSONValue.string)).serializedText,
            "ALLOWED_TOKENS": #"["sk-bench-client"]"#, "AUTH_TOKEN": BenchDataset.adminToken,
            "BASE_URL": "http://127.0.0.1:9/v1beta", "CHECK_INTERVAL_HOURS": "0", "DATA_DIR": folder,
            "HOST": "127.0.0.1", "PORT": String(port), "TIMEZONE": TimeZone.current.identifier,
        ])
        let storage = try await SQLiteBackend.openStorage(path: launch.sqlitePath, logTimeZone: .current, logger: logger)
        let (services, _) = try await GatewayServices.bootstrap(
            launch: launch, storage: storage, strategies: StandardStrategies.catalog, secrets: SecretRegistry(),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger)
        // Some keys benched, disabled or cooling, so the counts and tabs have work to do.
        let now = Date()
        for (index, key) in keys.enumerated() {
            switch index % 50 {
            case 0: services.pool.recordKeyFailure(key: key, permanent: true, code: 403, message: "leaked")
            case 1: services.pool.setEnabled(false, key: key)
            case 2: services.pool.recordRateLimit(
                key: key, model: "gemini-2.5-pro", until: now.addingTimeInterval(600), reason: .perMinute, code: 429,
                message: "quota")
            default: break
            }
        }
        let group = ServiceGroup(
            services: [services.makeApplication()], gracefulShutdownSignals: [], logger: logger)
        let runner = Task { try await group.run() }
        let server = BenchServer(
            services: services, storage: storage, dataset: dataset, baseURL: "http://127.0.0.1:\(port)", group: group,
            runner: runner)
        try await server.waitUntilHealthy()
        return server
    }

    /// Inserts the request-log and error-log rows; returns the seconds it took.
    func fill() async throws -> Double {
        let started = ContinuousClock.now
        let keys = dataset.keys
        let now = Date()
        let batch = 10_000
        for start in stride(from: 0, to: dataset.rowCount, by: batch) {
            try await storage.insertRequestLogs(dataset.rows(start..<min(start + batch, dataset.rowCount), keys: keys, now: now))
        }
        let errors = dataset.errors(keys: keys, now: now)
        for start in stride(from: 0, to: errors.count, by: batch) {
            try await storage.insertErrorLogs(Array(errors[start..<min(start + batch, errors.count)]))
        }
        // Statistics for SQLite's query planner, as a long-running database would have them.
        try await storage.driver.execute("ANALYZE", [])
        return (ContinuousClock.now - started) / .seconds(1)
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await runner.value
        await services.shutdown()
    }

    private func waitUntilHealthy() async throws {
        for _ in 0..<600 {
            if let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: baseURL + "/health"), timeout: .seconds(1)),
               response.status == .ok
            {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        runner.cancel()
        let reason = await runner.result
        throw BenchError("the gateway did not start on \(baseURL): \(reason)")
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
