import Foundation

// Announcing this instance's key changes to the others.
extension ClusterSync {
    /// Most keys in one change row; a mass benching is split into several rows.
    static let keysPerChange = 200

    func publishLoop() async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: timing.publish)
            } catch {
                return
            }
            await publishPending()
        }
    }

    /// Turns the pool's changed keys into deltas and publishes them with whatever could not be
    /// published before. Deltas that fail stay queued, merged with later ones for the same key.
    func publishPending() async {
        collectLocalChanges()
        let queued = unpublished.withLock { $0 }
        guard !queued.isEmpty else { return }
        let deltas = queued.values.sorted { $0.key < $1.key }
        do {
            for start in stride(from: 0, to: deltas.count, by: Self.keysPerChange) {
                let chunk = Array(deltas[start..<min(start + Self.keysPerChange, deltas.count)])
                let payload = String(decoding: try JSONEncoder().encode(chunk), as: UTF8.self)
                try await storage.publishChange(ClusterChange(kind: .keyStates, origin: instance.id, payload: payload))
                unpublished.withLock { pending in
                    // Remove only what was sent; a key that changed again meanwhile stays.
                    for delta in chunk where pending[delta.key] == delta { pending[delta.key] = nil }
                }
            }
            health.recordSuccess()
        } catch {
            health.recordFailure(error)
        }
    }

    private func collectLocalChanges() {
        let records = pool.takeSharedChanges()
        guard !records.isEmpty else { return }
        let now = Date()
        let deltas: [KeyStateDelta] = announced.withLock { announced in
            records.compactMap { record in
                let new = SharedKeyState(record)
                defer { announced[record.key] = new }
                return KeyStateDelta.between(announced[record.key] ?? SharedKeyState(), new, key: record.key, now: now)
            }
        }
        guard !deltas.isEmpty else { return }
        unpublished.withLock { pending in
            for delta in deltas {
                pending[delta.key] = pending[delta.key].map { $0.followed(by: delta) } ?? delta
            }
        }
    }
}
