/// A `WHERE` clause built from optional filters, with its binds in placeholder order. Only
/// fixed SQL text is appended; every caller-supplied value goes into a bind.
struct SQLConditions {
    private(set) var conditions: [String] = []
    private(set) var binds: [SQLValue] = []

    mutating func add(_ condition: String, _ values: SQLValue...) {
        conditions.append(condition)
        binds.append(contentsOf: values)
    }

    /// ` WHERE a AND b`, or nothing.
    var clause: String {
        conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    }
}
