import Gateway

/// A driver whose database pushes change announcements (PostgreSQL's LISTEN/NOTIFY), so
/// instances learn of a change at once instead of at their next poll. Drivers without it are
/// polled.
public protocol SQLChangeListening: SQLDriver {
    /// Events of a subscription to `channel` that stays open (and reconnects) until the stream
    /// is dropped or the driver closes.
    func changeSignals(channel: String) -> AsyncStream<ClusterChangeSignal>

    /// The statement that announces on `channel` when run inside a transaction, delivered at
    /// COMMIT; its binds are the channel and a payload.
    var announceStatement: String { get }
}
