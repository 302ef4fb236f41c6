/// Names keys on pages and in API calls without showing them: a key's id is its fingerprint
/// (`Secret.fingerprint`), which cannot be turned back into the key. The panel resolves ids
/// against the configured keys only.
struct KeyDirectory: Sendable {
    private let keysByID: [String: String]

    init(keys: [String]) {
        var map: [String: String] = [:]
        map.reserveCapacity(keys.count)
        for key in keys { map[Self.id(of: key)] = key }
        keysByID = map
    }

    static func id(of key: String) -> String {
        Secret.fingerprint(key)
    }

    func key(for id: String) -> String? {
        keysByID[id]
    }

    /// The configured keys among `ids`, in the order given, each once.
    func keys(for ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.compactMap { keysByID[$0] }.filter { seen.insert($0).inserted }
    }
}
