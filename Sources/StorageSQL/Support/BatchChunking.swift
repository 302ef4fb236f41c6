/// Splits a batch into statements of bounded size.
///
/// A multi-row INSERT is much faster than one statement per row, but each database caps a
/// statement: bind parameters (SQLite 32766, MySQL and PostgreSQL 65535) and packet size
/// (MariaDB's default `max_allowed_packet` is 16 MB). Chunks stay well under both.
enum BatchChunking {
    static let maxRowsPerStatement = 200
    static let maxBytesPerStatement = 4 << 20

    /// Consecutive chunks of `items`, each at most `maxRows` long and, except for a single
    /// oversized item, at most `maxBytes` of text as measured by `size`.
    static func chunks<Item>(
        _ items: [Item], maxRows: Int = maxRowsPerStatement, maxBytes: Int = maxBytesPerStatement,
        size: (Item) -> Int = { _ in 0 }
    ) -> [ArraySlice<Item>] {
        var result: [ArraySlice<Item>] = []
        var start = items.startIndex
        var bytes = 0
        for index in items.indices {
            let itemBytes = size(items[index])
            let rows = index - start
            if rows > 0 && (rows >= maxRows || bytes + itemBytes > maxBytes) {
                result.append(items[start..<index])
                start = index
                bytes = 0
            }
            bytes += itemBytes
        }
        if start < items.endIndex {
            result.append(items[start..<items.endIndex])
        }
        return result
    }
}
