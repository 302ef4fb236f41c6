import Foundation
import Synchronization

/// Sessions of this process, lost on restart (the admin logs in again).
public final class InMemoryAdminSessionStore: AdminSessionStore {
    /// A cap, so that a flood of logins cannot grow memory without bound; the oldest go first.
    static let capacity = 10_000

    private let sessions = Mutex<[String: AdminSession]>([:])

    public init() {}

    public func insert(_ session: AdminSession) async throws {
        sessions.withLock { sessions in
            if sessions.count >= Self.capacity,
               let oldest = sessions.values.min(by: { $0.createdAt < $1.createdAt }) {
                sessions[oldest.id] = nil
            }
            sessions[session.id] = session
        }
    }

    public func session(id: String) async throws -> AdminSession? {
        sessions.withLock { $0[id] }
    }

    public func remove(id: String) async throws {
        _ = sessions.withLock { $0.removeValue(forKey: id) }
    }

    public func removeAll() async throws {
        sessions.withLock { $0.removeAll() }
    }

    public func removeExpired(before date: Date) async throws {
        sessions.withLock { sessions in
            sessions = sessions.filter { $0.value.expiresAt > date }
        }
    }

    var count: Int { sessions.withLock { $0.count } }
}
