import Gateway

extension MySQLError: ValueRefusalReporting {
    /// SQLSTATE class 22 (data exception: a value too long, an invalid string) and 23 (integrity:
    /// a failed CHECK such as MariaDB's `json_valid`, a duplicate key, a NULL in a NOT NULL
    /// column), plus the value errors MySQL files under the catch-all `HY000`. A lost connection
    /// or any client-side failure is never a refusal, whatever its state says.
    public var refusesValues: Bool {
        guard !isConnectionLost, !isClientError, code != 0 else { return false }
        return sqlState.hasPrefix("22") || sqlState.hasPrefix("23") || MySQLErrorCode.refusedValues.contains(code)
    }
}
