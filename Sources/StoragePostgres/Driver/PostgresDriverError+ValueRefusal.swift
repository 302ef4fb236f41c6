import Gateway

extension PostgresDriverError: ValueRefusalReporting {
    /// SQLSTATE class 22 (data exception: `22021` a character the encoding cannot hold, `22001`
    /// a value too long), class 23 (integrity constraint violation) and `54000` (a value too
    /// large for an index). Only the server refuses values; connection, timeout and closed
    /// errors never do.
    public var refusesValues: Bool {
        guard kind == .server, let sqlState else { return false }
        return sqlState.hasPrefix("22") || sqlState.hasPrefix("23") || sqlState == "54000"
    }
}
