/// Decides whether this instance runs a periodic job now. With one instance it always does;
/// with several on one database, a lease in the database makes exactly one of them run it.
public struct JobLease: Sendable {
    private let acquireLease: @Sendable (_ job: String, _ duration: Duration) async -> Bool

    public init(_ acquire: @escaping @Sendable (_ job: String, _ duration: Duration) async -> Bool) {
        self.acquireLease = acquire
    }

    /// A single instance: every job runs here.
    public static let always = JobLease { _, _ in true }

    public func acquire(_ job: String, for duration: Duration) async -> Bool {
        await acquireLease(job, duration)
    }
}
