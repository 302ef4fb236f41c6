/// A size limit as people write it: `16 MB`, `64 KB`, `1500 bytes` (binary units, as the limits
/// are set).
enum ByteCountText {
    static func of(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }
}
