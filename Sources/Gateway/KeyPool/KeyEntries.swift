/// The pool's keys in configured order, also reachable by key.
///
/// Picking a key walks the entries in order on every request, so they live in an array (no
/// hashing of forty-character keys per step); the index by key serves the outcome updates.
struct KeyEntries {
    private(set) var list: [KeyPool.Entry] = []
    private var positionByKey: [String: Int] = [:]

    var count: Int { list.count }
    var keys: [String] { list.map(\.record.key) }

    subscript(key: String) -> KeyPool.Entry? {
        get { positionByKey[key].map { list[$0] } }
        set {
            // Only existing keys are updated here; the key set changes through `replaceKeys`.
            guard let position = positionByKey[key], let newValue else { return }
            list[position] = newValue
        }
    }

    /// Keeps the entries of keys still listed (moved to their new positions), adds fresh ones,
    /// drops the rest; returns the keys dropped.
    mutating func replaceKeys(_ keys: [String], weights: [String: Int]) -> [String] {
        var kept: [KeyPool.Entry] = []
        var index: [String: Int] = [:]
        kept.reserveCapacity(keys.count)
        for key in keys where index[key] == nil {
            var entry = self[key] ?? KeyPool.Entry(record: KeyStateRecord(key: key), position: 0, weight: 1)
            entry.position = kept.count
            entry.weight = weights[key] ?? 1
            index[key] = kept.count
            kept.append(entry)
        }
        let dropped = list.map(\.record.key).filter { index[$0] == nil }
        list = kept
        positionByKey = index
        return dropped
    }

    func mapValues<T>(_ transform: (KeyPool.Entry) -> T) -> [String: T] {
        Dictionary(uniqueKeysWithValues: list.map { ($0.record.key, transform($0)) })
    }
}
