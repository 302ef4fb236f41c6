import GRDB
import Gateway

extension DatabaseError: ValueRefusalReporting {
    /// SQLite refuses values with SQLITE_CONSTRAINT (NOT NULL, UNIQUE, CHECK), SQLITE_TOOBIG (a
    /// value over its length limit) and SQLITE_MISMATCH (a non-integer rowid). Busy, locked, I/O
    /// and full-disk errors are not about the values.
    public var refusesValues: Bool {
        switch resultCode.primaryResultCode {
        case .SQLITE_CONSTRAINT, .SQLITE_TOOBIG, .SQLITE_MISMATCH: return true
        default: return false
        }
    }
}
