/// The queries behind the admin panel's pages: counts over time windows, paged and filtered log
/// rows, per-key and per-token usage. Answered by indexed queries in the database, never by
/// shipping every row to the caller.
public protocol LogQueryStorage: Sendable {}
