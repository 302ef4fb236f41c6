import Foundation
import Synchronization

/// The live settings: read by every request, replaced as a whole when the admin saves.
///
/// A save validates every value first, writes them to storage in one transaction, and only then
/// swaps the in-memory snapshot and tells the observers (key pool, strategy, upstream client), so
/// a refused or failed save changes nothing. Saves run one at a time; a change computed from the
/// current values (delete these keys, add those) goes through `update(from:)`, which reads them
/// inside that one-at-a-time section.
public final class SettingsStore: Sendable {
    private let snapshot: Mutex<Settings>
    private let observers = Mutex<[@Sendable (Settings, Settings) -> Void]>([])
    private let storage: any Storage
    private let saves = SaveSerializer()
    public let validator: SettingValidator

    public init(initial: Settings, storage: any Storage, validator: SettingValidator) {
        self.snapshot = Mutex(initial)
        self.storage = storage
        self.validator = validator
    }

    /// The settings in force now.
    public var current: Settings { snapshot.withLock { $0 } }

    /// Calls `observer(old, new)` after every applied change.
    public func onChange(_ observer: @escaping @Sendable (_ old: Settings, _ new: Settings) -> Void) {
        observers.withLock { $0.append(observer) }
    }

    /// Validates, stores and applies `changes` (by setting name). Nothing changes unless every
    /// value is valid and the database accepted them all.
    @discardableResult
    public func update(_ changes: [String: SettingValue]) async throws(SettingsUpdateError) -> Settings {
        try check(changes)
        return try await saves.run { () async throws(SettingsUpdateError) -> Settings in
            try await commit(changes)
        }
    }

    /// A read-modify-write: `change` gets the settings in force and returns the changes to make
    /// (and a result for the caller), then they are validated, stored and applied like `update`,
    /// all while no other save runs. Two partial changes made at once (two deletes of different
    /// keys, two pastes) so each start from the other's outcome instead of one overwriting it.
    /// `change` may throw to refuse; its error comes back as it is, and nothing is saved. No
    /// changes, no write.
    @discardableResult
    public func update<Result: Sendable>(
        from change: @Sendable (Settings) throws -> (changes: [String: SettingValue], result: Result)
    ) async throws -> (settings: Settings, result: Result) {
        try await saves.run { () async throws -> (settings: Settings, result: Result) in
            let planned = try change(current)
            guard !planned.changes.isEmpty else { return (current, planned.result) }
            try check(planned.changes)
            return (try await commit(planned.changes), planned.result)
        }
    }

    /// Every value valid for its setting, or `.invalid` with every problem.
    private func check(_ changes: [String: SettingValue]) throws(SettingsUpdateError) {
        var problems: [SettingValidator.Problem] = []
        for (name, value) in changes {
            guard let definition = SettingCatalog.definition(name) else {
                problems.append(.init(setting: name, message: LocalizedText(
                    en: "Unknown setting \(name).", zh: "未知的设置项 \(name)。")))
                continue
            }
            if let problem = validator.validate(value, for: definition) { problems.append(problem) }
        }
        if !problems.isEmpty { throw .invalid(problems.sorted { $0.setting < $1.setting }) }
    }

    /// Stores and applies checked changes over the settings in force; only ever called inside
    /// `saves.run`, so nothing changes them between the read and the write.
    private func commit(_ changes: [String: SettingValue]) async throws(SettingsUpdateError) -> Settings {
        let texts = changes.mapValues(SettingCodec.encode)
        do {
            try await storage.saveSettings(texts)
        } catch {
            throw .storageFailed(String(describing: error))
        }
        // Laid over the settings in force once the write is done, not those read before it:
        // another instance's save may have been adopted meanwhile, and must not be undone.
        let (old, new) = snapshot.withLock { settings -> (Settings, Settings) in
            let old = settings
            for (name, value) in changes { settings.set(name, value) }
            return (old, settings)
        }
        notify(old: old, new: new)
        return new
    }

    /// Parses form text (by setting name), then updates; parse failures are reported like
    /// validation failures.
    @discardableResult
    public func update(texts: [String: String]) async throws(SettingsUpdateError) -> Settings {
        var values: [String: SettingValue] = [:]
        var problems: [SettingValidator.Problem] = []
        for (name, text) in texts {
            guard let definition = SettingCatalog.definition(name) else {
                problems.append(.init(setting: name, message: LocalizedText(
                    en: "Unknown setting \(name).", zh: "未知的设置项 \(name)。")))
                continue
            }
            do {
                values[name] = try SettingCodec.decode(text, as: definition)
            } catch {
                problems.append(.init(setting: name, message: error.message))
            }
        }
        if !problems.isEmpty { throw .invalid(problems) }
        return try await update(values)
    }

    /// Replaces the snapshot with settings read elsewhere (another instance saved them) without
    /// writing them back.
    public func adopt(_ new: Settings) {
        let old = snapshot.withLock { settings -> Settings? in
            guard settings != new else { return nil }
            defer { settings = new }
            return settings
        }
        if let old { notify(old: old, new: new) }
    }

    private func notify(old: Settings, new: Settings) {
        for observer in observers.withLock({ $0 }) { observer(old, new) }
    }
}

/// Why a settings update was refused.
public enum SettingsUpdateError: Error, Sendable, Equatable {
    /// One or more values are invalid; nothing was saved.
    case invalid([SettingValidator.Problem])
    /// The database refused the write; nothing was applied.
    case storageFailed(String)
}

/// Runs one save at a time, so two admins saving at once cannot interleave their writes.
private actor SaveSerializer {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable, Failure: Error>(_ body: @Sendable () async throws(Failure) -> T) async throws(Failure) -> T {
        while busy {
            await withCheckedContinuation { waiters.append($0) }
        }
        busy = true
        defer {
            busy = false
            if !waiters.isEmpty { waiters.removeFirst().resume() }
        }
        return try await body()
    }
}
