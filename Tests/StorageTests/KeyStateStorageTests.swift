import Foundation
import Gateway
import StorageSQL
import Testing

@Suite("Storage: key state (gg_key_state)")
struct KeyStateStorageTests {
    /// Millisecond instants: the table keeps epoch milliseconds.
    static let benched = Date(timeIntervalSince1970: 1_795_776_801.123)
    static let cooldownEnd = Date(timeIntervalSince1970: 1_795_780_000.5)

    static let fullRecord = KeyStateRecord(
        key: "AIzaSyA-full-record",
        status: .invalid,
        consecutiveFailures: 3,
        benchedAt: benched,
        lastErrorCode: 403,
        lastErrorMessage: "PERMISSION_DENIED: 密钥已泄露 🔑",
        lastErrorAt: benched.addingTimeInterval(1),
        lastUsedAt: benched.addingTimeInterval(-60),
        cooldowns: [
            ModelCooldown(model: "gemini-2.5-pro", until: cooldownEnd, reason: .perDay),
            ModelCooldown(model: "gemini-2.5-flash", until: cooldownEnd.addingTimeInterval(-3000), reason: .perMinute),
            ModelCooldown(model: "imagen-4", until: cooldownEnd, reason: .modelNotOnTier),
        ]
    )

    /// Every optional field nil, no cooldowns.
    static let bareRecord = KeyStateRecord(key: "AIzaSyB-bare-record")

    @Test(arguments: StorageBackendUnderTest.available)
    func recordsRoundTripWithCooldownsAndNulls(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            try await storage.saveKeyStates([Self.fullRecord, Self.bareRecord])
            let loaded = try await storage.loadKeyStates()
            #expect(loaded.count == 2)
            #expect(loaded.first { $0.key == Self.fullRecord.key } == Self.fullRecord)
            #expect(loaded.first { $0.key == Self.bareRecord.key } == Self.bareRecord)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func savingAgainReplacesTheRow(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            try await storage.saveKeyStates([Self.fullRecord])
            var recovered = Self.fullRecord
            recovered.status = .active
            recovered.consecutiveFailures = 0
            recovered.benchedAt = nil
            recovered.cooldowns = []
            recovered.lastErrorMessage = nil
            try await storage.saveKeyStates([recovered])

            #expect(try await storage.loadKeyStates() == [recovered])
            #expect(try await storage.countRows(table: .keyState) == 1)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func keysDifferingOnlyInCaseAreSeparateRows(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let lower = KeyStateRecord(key: "AIzaSyCaseKey", consecutiveFailures: 1)
            let upper = KeyStateRecord(key: "AIZASYCASEKEY", consecutiveFailures: 2)
            try await storage.saveKeyStates([lower, upper])
            let loaded = try await storage.loadKeyStates()
            #expect(Set(loaded.map(\.key)) == [lower.key, upper.key])
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func tenThousandKeysSaveLoadAndDelete(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let records = (0..<10_000).map { index in
                KeyStateRecord(key: "AIzaSy-\(index)", consecutiveFailures: index % 4,
                               lastUsedAt: Date(timeIntervalSince1970: 1_795_776_801 + Double(index)))
            }
            try await storage.saveKeyStates(records)
            let loaded = try await storage.loadKeyStates()
            #expect(loaded.count == 10_000)
            #expect(Set(loaded.map(\.key)) == Set(records.map(\.key)))

            try await storage.deleteKeyStates(records.prefix(2_500).map(\.key) + ["AIzaSy-not-there"])
            #expect(try await storage.countRows(table: .keyState) == 7_500)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func emptyBatchesDoNothing(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            try await storage.saveKeyStates([])
            try await storage.deleteKeyStates([])
            #expect(try await storage.loadKeyStates().isEmpty)
        }
    }
}
