import FakeGemini
import Foundation
import Gateway
import Hummingbird
import HummingbirdTesting
import Launcher
import Logging
import NIOPosix
import Strategies
import Testing
import Wire

/// One gateway of a cluster test: opened like `gemgate serve` opens it (`StorageFactory` from
/// the launch variables, the cluster's job lease), serving on an ephemeral port in this process.
enum ClusterInstance {
    static func run(
        database: [String: String], keys: [String], tokens: [String], upstream: String, fake: FakeGemini,
        name: String, environment: [String: String] = [:],
        _ body: @Sendable (GatewayHarness) async throws -> Void
    ) async throws {
        var variables = database
        variables.merge([
            "API_KEYS": JSONValue.array(keys.map(JSONValue.string)).serializedText,
            "ALLOWED_TOKENS": JSONValue.array(tokens.map(JSONValue.string)).serializedText,
            "BASE_URL": upstream, "CHECK_INTERVAL_HOURS": "0", "HOST": "127.0.0.1", "INSTANCE_NAME": name,
        ]) { $1 }
        variables.merge(environment) { $1 }
        let launch = try LaunchEnvironment(variables)
        var logger = Logger(label: "gemgate-cluster-test-\(name)")
        logger.logLevel = .warning
        let storage = try await StorageFactory.open(launch, logger: logger)
        let (services, _) = try await GatewayServices.bootstrap(
            launch: launch, storage: storage, strategies: StandardStrategies.catalog, secrets: SecretRegistry(),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger)
        do {
            try await services.makeApplication(lease: services.cluster.jobLease).test(.live) { client in
                try await body(GatewayHarness(fake: fake, services: services, port: try #require(client.port), token: tokens[0]))
            }
        } catch {
            await services.shutdown()
            throw error
        }
        await services.shutdown()
    }
}

/// Waits until `condition` holds, checking every 50 ms; returns the seconds it took, or nil
/// when it did not hold within `limit` seconds.
func secondsUntil(limit: Double, _ condition: () async throws -> Bool) async rethrows -> Double? {
    let start = ContinuousClock.now
    while ContinuousClock.now - start < .milliseconds(Int(limit * 1000)) {
        if try await condition() {
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return nil
}
