/// The Gemini keys in a pasted text, whatever surrounds them (`AIza` and 35 of `0-9A-Za-z_-`,
/// not part of a longer run of such characters), and what adding or replacing would do.
struct PastedKeys: Sendable, Equatable {
    enum Mode: String, Sendable {
        /// The pasted keys join the current ones.
        case add
        /// The pasted keys become the whole list.
        case replace
    }

    /// Each key found, once, in the order of the text.
    let found: [String]
    /// Repeats of a key already found earlier in the text.
    let duplicates: Int
    /// Found keys that are already configured.
    let alreadyPresent: Int
    /// Found keys that are not configured yet.
    let new: [String]
    /// The key list after saving.
    let resulting: [String]
    /// Configured keys that saving would remove (replace mode only).
    let removed: Int

    init(text: String, current: [String], mode: Mode) {
        let all = Self.extract(text)
        var seen = Set<String>()
        found = all.filter { seen.insert($0).inserted }
        duplicates = all.count - found.count
        let configured = Set(current)
        alreadyPresent = found.filter(configured.contains).count
        new = found.filter { !configured.contains($0) }
        switch mode {
        case .add:
            resulting = current + new
            removed = 0
        case .replace:
            resulting = found
            let kept = Set(found)
            removed = current.filter { !kept.contains($0) }.count
        }
    }

    static let prefix = Array("AIza".utf8)
    static let bodyLength = 35

    /// Every match, in order, repeats included.
    static func extract(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var keys: [String] = []
        var index = 0
        let length = prefix.count + bodyLength
        while index + length <= bytes.count {
            guard bytes[index] == prefix[0], bytes[index + 1] == prefix[1], bytes[index + 2] == prefix[2],
                  bytes[index + 3] == prefix[3], index == 0 || !isKeyByte(bytes[index - 1])
            else {
                index += 1
                continue
            }
            let end = index + length
            let bodyIsValid = bytes[(index + prefix.count)..<end].allSatisfy(isKeyByte)
            if bodyIsValid && (end == bytes.count || !isKeyByte(bytes[end])) {
                keys.append(String(decoding: bytes[index..<end], as: UTF8.self))
                index = end
            } else {
                index += 1
            }
        }
        return keys
    }

    static func isKeyByte(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 95 || byte == 45
    }
}
