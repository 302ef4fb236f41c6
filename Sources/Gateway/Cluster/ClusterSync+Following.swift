import Foundation

// Following the change feed: adopting settings and key changes made by other instances.
extension ClusterSync {
    /// Most changes read at once; a longer backlog is read in several rounds.
    static let feedPage = 500

    func followLoop() async {
        guard let signals = storage.changeSignals() else {
            // Polled (MySQL): read, wait, read.
            while !Task.isCancelled {
                await readFeed()
                do {
                    try await Task.sleep(for: timing.poll)
                } catch {
                    return
                }
            }
            return
        }
        // Pushed (PostgreSQL): read on every notification, and now and then anyway.
        let (wakeups, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [self] in
                var subscribedBefore = false
                for await signal in signals {
                    if signal == .listening {
                        // Notifications sent while the subscription was down are lost.
                        if subscribedBefore { feed.withLock { $0.needsFullReload = true } }
                        subscribedBefore = true
                    }
                    wake.yield()
                }
            }
            group.addTask { [timing] in
                while !Task.isCancelled {
                    wake.yield()
                    do {
                        try await Task.sleep(for: timing.pushedPoll)
                    } catch {
                        return
                    }
                }
            }
            group.addTask { [self] in
                for await _ in wakeups {
                    await readFeed()
                }
            }
            await group.next()
            group.cancelAll()
            wake.finish()
        }
    }

    /// Reads and applies what other instances published since the last read. After a gap (the
    /// subscription came back, or reads failed), the settings are read again in full, and so is
    /// the key state when the gap outlasted the feed's retention.
    func readFeed() async {
        let (fullReload, lastRead) = feed.withLock { ($0.needsFullReload, $0.lastSuccessfulRead) }
        do {
            if fullReload {
                try await reloadSettings(reason: "catching up after the connection to the database came back")
                let retention = TimeInterval(timing.changeRetention.components.seconds)
                if let lastRead, Date().timeIntervalSince(lastRead) > retention * 0.9 {
                    try await reloadKeyStates()
                }
                feed.withLock { $0.needsFullReload = false }
            }
            var settingsChanged = false
            while true {
                let floor = feed.withLock { $0.cursor.floor }
                let records = try await storage.changes(after: floor, limit: Self.feedPage)
                let fresh = feed.withLock { $0.cursor.takeNew(records.map(\.id)) }
                var deltas: [KeyStateDelta] = []
                for record in records where fresh.contains(record.id) {
                    switch record.kind {
                    case .settings:
                        settingsChanged = true
                    case .keyStates where record.origin != instance.id:
                        deltas += decodeDeltas(record.payload)
                    case .keyStates, nil:
                        break
                    }
                }
                if !deltas.isEmpty { applyRemote(deltas) }
                feed.withLock { $0.cursor.advance(now: Date()) }
                if records.count < Self.feedPage { break }
                // A full page of ids handled before: they lie above a hole still in its grace,
                // and reading again at once would bring the same page, in a tight loop until the
                // hole is filled or stepped over. The next round reads on.
                if fresh.isEmpty { break }
            }
            if settingsChanged { try await reloadSettings(reason: "saved on another instance") }
            feed.withLock { $0.lastSuccessfulRead = Date() }
            health.recordSuccess()
        } catch {
            // Read again in full once the database is back: this round's changes may be lost.
            feed.withLock { $0.needsFullReload = true }
            health.recordFailure(error)
        }
    }

    /// Reads `t_settings` and adopts it. When the settings change here while the read is under
    /// way (a local save), the read may predate that save, so it is done again.
    func reloadSettings(reason: String) async throws {
        for _ in 0..<3 {
            let before = settings.current
            let stored = try await storage.loadSettings()
            guard settings.current == before else { continue }
            let (adopted, rejected) = StoredSettingsReader.settings(from: stored, current: before, validator: settings.validator)
            if !rejected.isEmpty {
                logger.warning("Stored settings that are not valid were left as they are here: \(rejected.joined(separator: ", ")).")
            }
            guard adopted != before else { return }
            let changed = SettingCatalog.all.filter { adopted[$0] != before[$0] }.map(\.name)
            settings.adopt(adopted)
            logger.info("Adopted settings \(reason): \(changed.joined(separator: ", ")).")
            return
        }
    }

    /// Takes the shared state of every key from `gg_key_state`, after a gap in the feed.
    private func reloadKeyStates() async throws {
        let records = try await storage.loadKeyStates()
        let applied = pool.applyStoredSharedState(records)
        announced.withLock { announced in
            for (key, state) in applied { announced[key] = state }
        }
        logger.info("Reloaded the state of \(applied.count) keys after a long gap in the change feed.")
    }

    private func applyRemote(_ deltas: [KeyStateDelta]) {
        let applied = pool.applyRemote(deltas)
        announced.withLock { announced in
            for (key, state) in applied { announced[key] = state }
        }
        let benched = deltas.filter { $0.status == KeyStatus.invalid.rawValue }.count
        let reinstated = deltas.filter { $0.status == KeyStatus.active.rawValue }.count
        logger.debug("Applied key changes from other instances: \(applied.count) keys (\(benched) benched, \(reinstated) reinstated).")
    }

    private func decodeDeltas(_ payload: String) -> [KeyStateDelta] {
        do {
            return try JSONDecoder().decode([KeyStateDelta].self, from: Data(payload.utf8))
        } catch {
            logger.warning("A key-state change from another instance could not be read; ignoring it: \(error)")
            return []
        }
    }
}
