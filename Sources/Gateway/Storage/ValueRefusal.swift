/// An error that says whether the database refused the values of a write (a constraint, a
/// character the column cannot hold, a number out of range) rather than failing to run it at
/// all (an outage, a lost connection, a timeout).
///
/// The difference matters to whoever retries: the same values are refused again every time, so
/// the log writer drops a refused row instead of keeping it, and with it every row after it,
/// forever. Each storage backend's error type adopts this; an error that does not is taken for
/// an outage, and the write is tried again later.
public protocol ValueRefusalReporting: Error {
    /// True when the database refused the values themselves; false for any other failure.
    var refusesValues: Bool { get }
}

/// Whether `error` is the database refusing the values written (see `ValueRefusalReporting`).
func isValueRefusal(_ error: any Error) -> Bool {
    (error as? any ValueRefusalReporting)?.refusesValues ?? false
}
