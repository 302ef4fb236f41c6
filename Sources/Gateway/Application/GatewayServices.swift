import Foundation
import Logging
import NIOCore
import ServiceLifecycle

/// Everything a running gateway is made of, built once at start-up by `bootstrap` and shared by
/// the routes and the background jobs. The storage and the strategies come in from outside: the
/// core never names an implementation of either.
public final class GatewayServices: Sendable {
    public static let version = "0.1.0"

    public let launch: LaunchEnvironment
    public let storage: any Storage
    public let strategies: StrategyCatalog
    public let settings: SettingsStore
    public let secrets: SecretRegistry
    public let pool: KeyPool
    public let upstream: UpstreamClient
    public let logs: LogWriter
    public let dispatcher: Dispatcher
    public let models: ModelCatalog
    public let verifier: KeyVerifier
    public let persister: KeyStatePersister
    /// Keeps instances on one shared database in step; idle on SQLite. Also the database's
    /// outage status and the live-instance list for the panel (issue 5).
    public let cluster: ClusterSync
    /// The admin panel's sessions, login throttle and key-verification jobs (issue 4).
    public let panel: PanelServices
    /// Thought signatures of function calls handed to OpenAI clients, by tool-call id (issue 3).
    public let thoughtSignatures: ThoughtSignatureCache
    /// Fetches the http(s) image URLs of chat requests, refusing non-public addresses (issue 3).
    public let mediaFetcher: RemoteMediaFetcher
    public let logger: Logger
    /// The shared log level, when the launcher installed one (tests may not).
    public let logLevel: LogLevelControl?
    public let startedAt: Date

    init(
        launch: LaunchEnvironment, storage: any Storage, strategies: StrategyCatalog, settings: SettingsStore,
        secrets: SecretRegistry, pool: KeyPool, eventLoopGroup: any EventLoopGroup, logLevel: LogLevelControl?,
        logger: Logger
    ) {
        self.logLevel = logLevel
        self.launch = launch
        self.storage = storage
        self.strategies = strategies
        self.settings = settings
        self.secrets = secrets
        self.pool = pool
        self.logger = logger
        self.startedAt = Date()
        upstream = UpstreamClient(settings: settings, eventLoopGroup: eventLoopGroup, version: Self.version)
        logs = LogWriter(storage: storage, logger: logger)
        dispatcher = Dispatcher(pool: pool, upstream: upstream, settings: settings, logs: logs, logger: logger)
        models = ModelCatalog(dispatcher: dispatcher)
        verifier = KeyVerifier(pool: pool, upstream: upstream, settings: settings)
        persister = KeyStatePersister(pool: pool, storage: storage, logger: logger)
        cluster = ClusterSync(
            storage: storage, settings: settings, pool: pool, logs: logs, launch: launch, version: Self.version, logger: logger)
        panel = PanelServices(settings: settings, verifier: verifier, storage: storage, logger: logger)
        thoughtSignatures = ThoughtSignatureCache()
        mediaFetcher = RemoteMediaFetcher(eventLoopGroup: eventLoopGroup, version: Self.version)
    }

    /// The background services, in start order (they stop in reverse, after the HTTP server).
    public func backgroundServices(lease: JobLease = .always) -> [any Service] {
        [
            logs, persister, cluster,
            KeyRecheckJob(pool: pool, verifier: verifier, settings: settings, lease: lease, logger: logger),
            LogRetentionJob(storage: storage, settings: settings, lease: lease, logger: logger),
        ]
    }

    /// Writes what is still buffered and closes connections. Called once, after every service
    /// stopped, outside any cancelled task so the last writes are not refused.
    public func shutdown() async {
        await logs.flush()
        await persister.flush()
        await upstream.shutdown()
        await storage.shutdown()
    }
}
