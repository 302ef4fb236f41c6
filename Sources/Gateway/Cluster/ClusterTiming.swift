/// How often the cluster sync does each thing. The defaults keep a change made on one instance
/// in force on every other within about a second (the goal is 2 s), at the cost of two cheap
/// indexed reads a second per instance on MySQL.
public struct ClusterTiming: Sendable {
    /// How often this instance tells the registry it is alive.
    public var heartbeat: Duration = .seconds(3)
    /// A heartbeat not answered within this counts as an outage (some drivers wait rather
    /// than fail while the server is away).
    public var answerWithin: Duration = .seconds(4)
    /// An instance silent for longer than this is not listed as alive.
    public var liveWindow: Duration = .seconds(15)
    /// How often the change feed is read where nothing pushes news (MySQL).
    public var poll: Duration = .milliseconds(500)
    /// How often it is read anyway where the database pushes news (PostgreSQL), in case a
    /// notification went missing.
    public var pushedPoll: Duration = .seconds(5)
    /// How often local key changes are announced.
    public var publish: Duration = .milliseconds(200)
    /// How long changes stay in the feed; a follower cut off for longer reloads key state.
    public var changeRetention: Duration = .seconds(600)
    /// How often old changes and long-gone instances are deleted (by one instance at a time).
    public var maintenance: Duration = .seconds(60)
    /// A registry row silent this long is deleted.
    public var forgetInstancesAfter: Duration = .seconds(86_400)

    public init() {}

    public static let standard = ClusterTiming()
}
