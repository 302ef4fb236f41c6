import Foundation

/// What the panel shows about this instance and its database.
public struct ClusterStatus: Sendable {
    /// This instance, as the registry lists it.
    public var instance: InstanceRecord
    /// True when several instances may share the database (MySQL, PostgreSQL).
    public var isShared: Bool
    /// Set while the database does not answer.
    public var outage: DatabaseOutage?
    /// Log entries waiting in memory to be written.
    public var pendingLogEntries: Int
    /// Log entries lost because the buffer was full during an outage, or because the database
    /// refused them (since the start).
    public var droppedLogEntries: Int
    /// Why the last log write failed, while writes fail.
    public var logWriteFailure: String?
}
