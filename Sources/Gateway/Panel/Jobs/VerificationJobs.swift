import Foundation
import Synchronization

/// Key verifications started from the panel: run in the background, a few keys at a time, so
/// that a batch of thousands neither blocks the request nor bursts at Google; the page polls
/// the job's progress. Finished jobs are kept for an hour.
public final class VerificationJobs: Sendable {
    /// Keys verified at once (the re-check job's bound).
    static let concurrency = KeyRecheckJob.concurrency
    static let retention: TimeInterval = 3_600
    static let maxJobs = 20
    /// Jobs running at once; with the per-job bound this caps the calls to Google.
    static let maxRunning = 2

    public struct Outcome: Sendable {
        public let key: String
        public let result: KeyVerifier.Result
    }

    public struct Progress: Sendable {
        public let id: String
        public let total: Int
        public let startedAt: Date
        public var finishedAt: Date?
        public var outcomes: [Outcome] = []

        public var done: Int { outcomes.count }
        public var isFinished: Bool { finishedAt != nil }
    }

    private let verifier: KeyVerifier
    private let jobs = Mutex<[String: Progress]>([:])

    init(verifier: KeyVerifier) {
        self.verifier = verifier
    }

    /// Starts verifying `keys` and returns the job's id at once; nil when `maxRunning` jobs are
    /// still running.
    public func start(_ keys: [String]) -> String? {
        let id = RandomToken.make(bytes: 12)
        let now = Date()
        let accepted = jobs.withLock { jobs -> Bool in
            guard jobs.values.filter({ !$0.isFinished }).count < Self.maxRunning else { return false }
            jobs = jobs.filter { $0.value.finishedAt.map { now.timeIntervalSince($0) < Self.retention } ?? true }
            if jobs.count >= Self.maxJobs, let oldest = jobs.values.filter(\.isFinished).min(by: { $0.startedAt < $1.startedAt }) {
                jobs[oldest.id] = nil
            }
            jobs[id] = Progress(id: id, total: keys.count, startedAt: now)
            return true
        }
        guard accepted else { return nil }
        let verifier = verifier
        Task { [weak self] in
            await withTaskGroup(of: Outcome.self) { group in
                var pending = keys.makeIterator()
                for _ in 0..<Self.concurrency {
                    guard let key = pending.next() else { break }
                    group.addTask { Outcome(key: key, result: await verifier.verify(key)) }
                }
                while let outcome = await group.next() {
                    self?.jobs.withLock { $0[id]?.outcomes.append(outcome) }
                    if let key = pending.next() {
                        group.addTask { Outcome(key: key, result: await verifier.verify(key)) }
                    }
                }
            }
            self?.jobs.withLock { $0[id]?.finishedAt = Date() }
        }
        return id
    }

    public func progress(_ id: String) -> Progress? {
        jobs.withLock { $0[id] }
    }
}
