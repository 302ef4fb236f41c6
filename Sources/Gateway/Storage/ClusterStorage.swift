import Foundation

/// What several Gemgate instances on one database need from it: who is alive, which instance
/// runs a periodic job now, and news of changes made by the others.
///
/// Times that decide something between instances (a lease's expiry, an instance's last sign of
/// life) are taken from the database's clock, never from an instance's, so instances on
/// machines whose clocks disagree still agree on them.
///
/// The defaults describe a database that only one instance uses (a SQLite file): no registry,
/// every lease granted, no changes to follow. A shared backend overrides all of them.
public protocol ClusterStorage: Sendable {
    /// True when several instances may share this database (MySQL, PostgreSQL), so the cluster
    /// machinery must run; false for a SQLite file, where it stays idle.
    var isShared: Bool { get }

    // MARK: Instance registry (`gg_instances`)

    /// Inserts or refreshes this instance's row; `lastSeen` is set to the database's now.
    func recordHeartbeat(_ instance: InstanceRecord) async throws

    /// Deletes an instance's row (on a clean stop), so the panel stops listing it at once.
    func removeInstance(id: String) async throws

    /// Instances whose last heartbeat is at most `seenWithin` old by the database's clock,
    /// newest start first.
    func liveInstances(seenWithin: Duration) async throws -> [InstanceRecord]

    /// Deletes rows of instances silent for longer than `silentFor`; returns how many went.
    func forgetInstances(silentFor: Duration) async throws -> Int

    // MARK: Leases (`gg_leases`)

    /// Takes or renews the lease on `job` for `duration` when it is free, expired, or already
    /// held by `holder`; returns whether `holder` holds it now. The taking is one atomic
    /// statement, so two instances asking at once never both get it.
    func acquireLease(_ job: String, holder: String, for duration: Duration) async throws -> Bool

    // MARK: Change feed (`gg_changes`)

    /// Appends a change for the other instances to pick up. Settings saves are announced by
    /// `saveSettings` itself, in its own transaction.
    func publishChange(_ change: ClusterChange) async throws

    /// Changes with an id above `id`, oldest first, at most `limit`.
    func changes(after id: Int64, limit: Int) async throws -> [ClusterChangeRecord]

    /// The highest change id at least `age` old by the database's clock (0 when none): where a
    /// starting instance begins to follow, a little in the past so nothing falls in between.
    func latestChangeID(olderThan age: Duration) async throws -> Int64

    /// Deletes changes older than `age`; returns how many went.
    func pruneChanges(olderThan age: Duration) async throws -> Int

    /// Wake-ups pushed by the database when a change is published (PostgreSQL's LISTEN), or nil
    /// when changes must be polled for (MySQL).
    func changeSignals() -> AsyncStream<ClusterChangeSignal>?
}

extension ClusterStorage {
    public var isShared: Bool { false }
    public func recordHeartbeat(_ instance: InstanceRecord) async throws {}
    public func removeInstance(id: String) async throws {}
    public func liveInstances(seenWithin: Duration) async throws -> [InstanceRecord] { [] }
    public func forgetInstances(silentFor: Duration) async throws -> Int { 0 }
    public func acquireLease(_ job: String, holder: String, for duration: Duration) async throws -> Bool { true }
    public func publishChange(_ change: ClusterChange) async throws {}
    public func changes(after id: Int64, limit: Int) async throws -> [ClusterChangeRecord] { [] }
    public func latestChangeID(olderThan age: Duration) async throws -> Int64 { 0 }
    public func pruneChanges(olderThan age: Duration) async throws -> Int { 0 }
    public func changeSignals() -> AsyncStream<ClusterChangeSignal>? { nil }
}

/// One running Gemgate, as the registry shows it.
public struct InstanceRecord: Sendable, Equatable {
    /// Random per process start.
    public var id: String
    /// `INSTANCE_NAME`, or the host name.
    public var name: String
    /// Where it listens (`host:port`), for a person to recognise it.
    public var address: String
    public var version: String
    public var startedAt: Date
    /// The database's time of its last heartbeat (ignored when writing one).
    public var lastSeen: Date

    public init(id: String, name: String, address: String, version: String, startedAt: Date, lastSeen: Date = Date()) {
        self.id = id
        self.name = name
        self.address = address
        self.version = version
        self.startedAt = startedAt
        self.lastSeen = lastSeen
    }
}

/// What kind of change another instance must pick up.
public enum ClusterChangeKind: String, Sendable {
    /// `t_settings` was written: read it again.
    case settings
    /// Keys were benched, reinstated, disabled or cooled down; the payload says how.
    case keyStates = "key_states"
}

/// A change to announce.
public struct ClusterChange: Sendable, Equatable {
    public var kind: ClusterChangeKind
    /// The instance that made it, so it can skip its own.
    public var origin: String?
    /// Kind-specific text (JSON for key states).
    public var payload: String

    public init(kind: ClusterChangeKind, origin: String?, payload: String = "") {
        self.kind = kind
        self.origin = origin
        self.payload = payload
    }
}

/// A change as read back from the feed.
public struct ClusterChangeRecord: Sendable, Equatable {
    public var id: Int64
    /// Nil for a kind this version does not know (written by a newer Gemgate).
    public var kind: ClusterChangeKind?
    public var origin: String?
    public var payload: String

    public init(id: Int64, kind: ClusterChangeKind?, origin: String?, payload: String) {
        self.id = id
        self.kind = kind
        self.origin = origin
        self.payload = payload
    }
}

/// What a pushed change feed delivers.
public enum ClusterChangeSignal: Sendable, Equatable {
    /// The subscription is (again) in place. Anything announced while it was down was not
    /// delivered, so after the first one the follower reloads what it mirrors.
    case listening
    /// Something was published; read the feed.
    case changed
}
