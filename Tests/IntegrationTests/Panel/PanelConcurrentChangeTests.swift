import Foundation
@testable import Gateway
import Testing
import Wire

/// Key changes made at the same moment (two tabs, a script deleting keys one by one in parallel)
/// each start from the keys as the previous change left them, so none is lost.
@Suite("Panel: concurrent key changes", .serialized)
struct PanelConcurrentChangeTests {
    static let adminToken = PanelAccessTests.adminToken
    static let environment = PanelAccessTests.environment

    @Test func parallelDeletesEachRemoveTheirKey() async throws {
        let keys = (0..<9).map { testKey("parallel-\($0)") }
        try await GatewayHarness.run(keys: keys, environment: Self.environment) { harness in
            let panel = try await harness.panel(adminToken: Self.adminToken)
            let doomed = Array(keys.prefix(6))
            let affected = try await withThrowingTaskGroup(of: Int?.self) { group in
                for key in doomed {
                    group.addTask {
                        let reply = try await panel.call(
                            .POST, "/api/keys/actions", ["action": "delete", "ids": .array([.string(KeyDirectory.id(of: key))])])
                        return reply.json?["affected"]?.intValue
                    }
                }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            #expect(affected == Array(repeating: 1, count: 6))
            #expect(harness.services.settings.current.apiKeys == Array(keys.suffix(3)))
            let stored = try await harness.services.storage.loadSettings()["API_KEYS"] ?? ""
            #expect(doomed.allSatisfy { !stored.contains($0) } && keys.suffix(3).allSatisfy(stored.contains))
        }
    }

    @Test func parallelPastesEachAddTheirKeys() async throws {
        let first = testKey("paste-first")
        try await GatewayHarness.run(keys: [first], environment: Self.environment) { harness in
            let panel = try await harness.panel(adminToken: Self.adminToken)
            let added = (0..<5).map { testKey("paste-added-\($0)") }
            try await withThrowingTaskGroup(of: Int.self) { group in
                for key in added {
                    group.addTask {
                        try await panel.call(.PUT, "/api/config", ["keyPaste": ["text": .string(key), "mode": "add"]]).status
                    }
                }
                for try await status in group { #expect(status == 200) }
            }
            #expect(Set(harness.services.settings.current.apiKeys) == Set([first] + added))
        }
    }
}
