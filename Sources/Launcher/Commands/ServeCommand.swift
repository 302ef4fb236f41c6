import ArgumentParser
import Foundation
import Gateway
import Hummingbird
import Logging
import NIOPosix
import ServiceLifecycle
import Strategies

/// `gemgate serve`: starts the gateway with the configuration in the environment.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the gateway (the default command).")

    /// How long open streams may take to finish after SIGTERM before they are cut.
    static let shutdownGrace: Duration = .seconds(25)

    func run() async throws {
        LoggingSetup.install()
        let logger = Logger(label: "gemgate")
        do {
            try await Self.serve(logger: logger)
        } catch let problem as LaunchProblem {
            Banner.printProblem(problem)
            throw ExitCode(1)
        }
    }

    static func serve(logger: Logger) async throws {
        let launch = try LaunchEnvironment()
        let storage = try await StorageFactory.open(launch, logger: logger)
        let (services, report) = try await GatewayServices.bootstrap(
            launch: launch, storage: storage, strategies: StandardStrategies.catalog, secrets: LoggingSetup.secrets,
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logLevel: LoggingSetup.level, logger: logger)
        Banner.print(services: services, report: report)

        let app = services.makeApplication(lease: services.cluster.jobLease)
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: app)],
            logger: logger)
        configuration.gracefulShutdownSignals = [.sigterm, .sigint]
        configuration.maximumGracefulShutdownDuration = shutdownGrace
        let group = ServiceGroup(configuration: configuration)
        do {
            try await group.run()
        } catch {
            logger.error("Gemgate stopped because of an error: \(error)")
        }
        await services.shutdown()
        logger.info("Gemgate stopped.")
    }
}
