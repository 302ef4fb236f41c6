import Gateway
import StorageSQL

/// Instances sharing a PostgreSQL database learn of each other's changes through LISTEN/NOTIFY:
/// `SQLStorage` announces every row it appends to `gg_changes` with `pg_notify` in the same
/// transaction, and each instance keeps a LISTEN open on the channel.
extension PostgresDriver: SQLChangeListening {
    public func changeSignals(channel: String) -> AsyncStream<ClusterChangeSignal> {
        let stream = try? startListening(channel: channel) { event -> ClusterChangeSignal in
            switch event {
            case .listening: return .listening
            case .notification: return .changed
            }
        }
        // Only an invalid channel name fails, and the storage's channel is a valid constant.
        return stream ?? AsyncStream { $0.finish() }
    }

    public var announceStatement: String { "SELECT pg_notify(?, ?)" }
}
