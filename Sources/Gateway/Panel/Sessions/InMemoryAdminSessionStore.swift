import Foundation
import Synchronization

/// Sessions of this process, lost on restart (the admin logs in again). For one instance on a
/// SQLite file; instances sharing a database use `StoredAdminSessionStore`.
public final class InMemoryAdminSessionStore: AdminSessionStore {
    /// A cap, so that a flood of logins cannot grow memory without bound; the oldest go first.
    static let capacity = 10_000

    private let sessions = Mutex<[String: AdminSession]>([:])
    let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = Date.init) {
        self.now = now
    }

    public func insert(_ session: NewAdminSession) async throws {
        let created = now()
        let lifetime = TimeInterval(session.lifetime.components.seconds)
            + TimeInterval(session.lifetime.components.attoseconds) / 1e18
        keep(AdminSession(
            id: session.id, csrfToken: session.csrfToken, language: session.language, createdAt: created,
            expiresAt: created.addingTimeInterval(lifetime), tokenBinding: session.tokenBinding))
    }

    /// Keeps a session with the times it carries (tests use it to plant an old session).
    func keep(_ session: AdminSession) {
        sessions.withLock { sessions in
            if sessions.count >= Self.capacity,
               let oldest = sessions.values.min(by: { $0.createdAt < $1.createdAt }) {
                sessions[oldest.id] = nil
            }
            sessions[session.id] = session
        }
    }

    public func session(id: String, maxLifetime: Duration) async throws -> AdminSession? {
        let current = now()
        return sessions.withLock { sessions in
            guard let session = sessions[id] else { return nil }
            guard session.isCurrent(at: current, maxLifetime: maxLifetime) else {
                sessions[id] = nil
                return nil
            }
            return session
        }
    }

    public func remove(id: String) async throws {
        _ = sessions.withLock { $0.removeValue(forKey: id) }
    }

    public func removeSessions(notBoundTo tokenBinding: String) async throws {
        sessions.withLock { sessions in
            sessions = sessions.filter { $0.value.tokenBinding == tokenBinding }
        }
    }

    public func removeExpired() async throws {
        let current = now()
        sessions.withLock { sessions in
            sessions = sessions.filter { $0.value.expiresAt > current }
        }
    }

    var count: Int { sessions.withLock { $0.count } }
}
