import NIOCore

/// The client's connection, as far as handling a request needs it: whether it has closed, and a
/// way to be told when it does.
///
/// Hummingbird 2 keeps running a handler whose client has gone: nothing cancels its task, and
/// only a write to the dead socket fails. Work that waits without writing (an upstream call and
/// its retries, a stream waiting for its first event) watches this instead, so that a client who
/// gives up stops the upstream call at once rather than after `TIME_OUT` and more attempts on
/// other keys. A client that closes its socket is seen as a close thanks to `HangUpClosingHandler`.
public struct ClientConnection: Sendable {
    private let watcher: ConnectionCloseWatcher

    /// The connection `channel` carries.
    init(channel: any Channel) {
        watcher = ConnectionCloseWatcher.watcher(for: channel)
    }

    public var isClosed: Bool { watcher.isClosed }

    /// Runs `action` once when the connection closes (at once if it already has), unless the
    /// returned observation is cancelled first. Cancel it when the work it guards is over.
    public func onClose(_ action: @escaping @Sendable () -> Void) -> CloseObservation {
        guard let id = watcher.add(action) else {
            action()
            return CloseObservation(watcher: nil, id: 0)
        }
        return CloseObservation(watcher: watcher, id: id)
    }
}

/// An action waiting for a connection to close; `cancel()` forgets it.
public struct CloseObservation: Sendable {
    fileprivate let watcher: ConnectionCloseWatcher?
    fileprivate let id: UInt64

    public func cancel() {
        watcher?.remove(id)
    }
}
