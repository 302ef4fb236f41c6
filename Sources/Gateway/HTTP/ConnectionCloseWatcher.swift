import NIOCore
import Synchronization

/// The actions waiting for one client connection to close; one per open connection.
///
/// There is one per connection, not one per request, because a NIO future keeps every callback
/// added to it until it completes: a keep-alive connection that serves thousands of requests
/// would otherwise hold a callback for each of them until it closes. Here each request adds an
/// action and removes it when done, and the channel's close future holds one callback.
final class ConnectionCloseWatcher: Sendable {
    private struct State {
        var closed = false
        var nextID: UInt64 = 0
        var actions: [UInt64: @Sendable () -> Void] = [:]
    }

    private let state = Mutex(State())

    var isClosed: Bool { state.withLock { $0.closed } }

    /// Keeps `action` until the connection closes; nil when it already has (the action is not kept).
    func add(_ action: @escaping @Sendable () -> Void) -> UInt64? {
        state.withLock { state in
            guard !state.closed else { return nil }
            state.nextID += 1
            state.actions[state.nextID] = action
            return state.nextID
        }
    }

    func remove(_ id: UInt64) {
        _ = state.withLock { $0.actions.removeValue(forKey: id) }
    }

    /// Runs the waiting actions, outside the lock (an action may add or remove others).
    private func close() {
        let actions = state.withLock { state in
            state.closed = true
            defer { state.actions = [:] }
            return Array(state.actions.values)
        }
        for action in actions { action() }
    }

    // MARK: One watcher per connection

    private struct Entry {
        /// Weak, and compared on lookup: should a channel ever be freed without closing, a new
        /// channel at the same address must not inherit its watcher.
        weak var channel: (any Channel)?
        let watcher: ConnectionCloseWatcher
    }

    /// The watchers of the open connections; an entry leaves when its channel closes.
    private static let open = Mutex<[ObjectIdentifier: Entry]>([:])

    /// The watcher of `channel`'s connection, created (and hooked to its close) on first use.
    static func watcher(for channel: any Channel) -> ConnectionCloseWatcher {
        let id = ObjectIdentifier(channel)
        let (watcher, isNew) = open.withLock { entries in
            if let entry = entries[id], entry.channel === channel { return (entry.watcher, false) }
            let watcher = ConnectionCloseWatcher()
            entries[id] = Entry(channel: channel, watcher: watcher)
            return (watcher, true)
        }
        if isNew {
            channel.closeFuture.whenComplete { _ in
                open.withLock { entries in
                    if entries[id]?.watcher === watcher { entries[id] = nil }
                }
                watcher.close()
            }
        }
        return watcher
    }
}
