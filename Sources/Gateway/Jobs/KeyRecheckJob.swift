import Foundation
import Logging
import ServiceLifecycle

/// Every `CHECK_INTERVAL_HOURS`, verifies the benched keys (a few at a time) and brings back
/// those that work again. `0` turns the job off.
public struct KeyRecheckJob: Service {
    /// How many keys are verified at once: enough to finish quickly, few enough not to look
    /// like a burst to Google.
    public static let concurrency = 5

    let pool: KeyPool
    let verifier: KeyVerifier
    let settings: SettingsStore
    let lease: JobLease
    let logger: Logger

    public init(pool: KeyPool, verifier: KeyVerifier, settings: SettingsStore, lease: JobLease = .always, logger: Logger) {
        self.pool = pool
        self.verifier = verifier
        self.settings = settings
        self.lease = lease
        self.logger = logger
    }

    public func run() async throws {
        // Graceful shutdown cancels the loop at once, even in the middle of a long sleep.
        await cancelWhenGracefulShutdown { await loop() }
    }

    /// How often the loop looks at the clock and the setting: a new `CHECK_INTERVAL_HOURS`
    /// (or turning the job on) takes effect within this, not after the old interval.
    static let tick: Duration = .seconds(60)

    private func loop() async {
        let clock = ContinuousClock()
        var lastRound = clock.now
        while !Task.isCancelled {
            try? await Task.sleep(for: Self.tick)
            let hours = settings.current.checkIntervalHours
            guard hours > 0, !Task.isCancelled, !Task.isShuttingDownGracefully else { continue }
            let interval = Duration.seconds(hours * 3600)
            guard clock.now - lastRound >= interval else { continue }
            lastRound = clock.now
            // One instance of several sharing a database does the round; the others skip it.
            guard await lease.acquire("key-recheck", for: max(interval - .seconds(60), .seconds(60))) else { continue }
            await recheckBenchedKeys()
        }
    }

    /// Verifies every benched key with bounded concurrency; returns how many came back.
    @discardableResult
    public func recheckBenchedKeys() async -> Int {
        let keys = pool.benchedKeys()
        guard !keys.isEmpty else { return 0 }
        let results = await verifyAll(keys, verifier: verifier, concurrency: Self.concurrency)
        let restored = results.filter { $0.result.keyWorks }.count
        logger.info("Re-checked \(keys.count) benched keys; \(restored) work again.")
        return restored
    }
}

/// Verifies keys, at most `concurrency` at a time, in order of completion.
public func verifyAll(_ keys: [String], verifier: KeyVerifier, concurrency: Int) async -> [(key: String, result: KeyVerifier.Result)] {
    await withTaskGroup(of: (String, KeyVerifier.Result).self) { group in
        var results: [(key: String, result: KeyVerifier.Result)] = []
        var pending = keys.makeIterator()
        for _ in 0..<max(1, concurrency) {
            guard let key = pending.next() else { break }
            group.addTask { (key, await verifier.verify(key)) }
        }
        while let (key, result) = await group.next() {
            results.append((key, result))
            if let next = pending.next() { group.addTask { (next, await verifier.verify(next)) } }
        }
        return results
    }
}
