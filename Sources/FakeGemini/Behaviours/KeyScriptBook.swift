import Synchronization

/// The scripted behaviour of each key, and the counters `failTimes` needs.
final class KeyScriptBook: Sendable {
    private struct Script {
        var behaviour: FakeKeyBehaviour
        /// Requests already answered with the failure of a `failTimes` script.
        var failuresServed = 0
    }

    private let scripts = Mutex<[String: Script]>([:])

    func script(_ key: String, _ behaviour: FakeKeyBehaviour) {
        scripts.withLock { $0[key] = Script(behaviour: behaviour) }
    }

    func script(_ entries: [String: FakeKeyBehaviour]) {
        scripts.withLock { table in
            for (key, behaviour) in entries { table[key] = Script(behaviour: behaviour) }
        }
    }

    func reset() {
        scripts.withLock { $0.removeAll() }
    }

    /// The behaviour for one request with `key`. A `failTimes` script counts the request, and once
    /// spent is replaced by its `then` behaviour (which may itself be a `failTimes`).
    func behaviourForRequest(key: String) -> FakeKeyBehaviour {
        scripts.withLock { table in
            guard var script = table[key] else {
                // Google's keys start with "AIza"; anything else unscripted is a key it does not know.
                return key.hasPrefix("AIza") ? .valid : .invalidKey
            }
            while case .failTimes(let count, let failure, let then) = script.behaviour {
                if script.failuresServed < count {
                    script.failuresServed += 1
                    table[key] = script
                    return failure.withoutCounters
                }
                script = Script(behaviour: then)
                table[key] = script
            }
            return script.behaviour
        }
    }
}

extension FakeKeyBehaviour {
    /// A `failTimes` used as the failure of another one has no counter of its own: its failure applies.
    fileprivate var withoutCounters: FakeKeyBehaviour {
        if case .failTimes(_, let failure, _) = self { return failure.withoutCounters }
        return self
    }
}
