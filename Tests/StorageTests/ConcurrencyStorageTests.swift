import Foundation
import Gateway
import StorageSQL
import Testing

@Suite("Storage: concurrent use")
struct ConcurrencyStorageTests {
    @Test(arguments: StorageBackendUnderTest.available)
    func twentyWritersOfFiftyInsertsEachLoseNothing(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<20 {
                    group.addTask {
                        for index in 0..<50 {
                            try await storage.insertRequestLogs([
                                RequestLogEntry(time: TestTimes.at(Double(index)), model: "m-\(writer)",
                                                apiKey: "AIza-\(writer)", isSuccess: true, statusCode: 200,
                                                latencyMs: index),
                            ])
                            if index % 10 == 0 {
                                try await storage.insertErrorLogs([
                                    ErrorLogEntry(time: TestTimes.at(Double(index)), apiKey: "AIza-\(writer)",
                                                  model: "m", errorType: "x", errorLog: "写入者 \(writer)",
                                                  errorCode: 500),
                                ])
                            }
                        }
                    }
                }
                // Readers and other writers at the same time.
                group.addTask {
                    for _ in 0..<20 {
                        _ = try await storage.recentRequestLogs(limit: 20)
                        _ = try await storage.loadSettings()
                    }
                }
                group.addTask {
                    for round in 0..<10 {
                        try await storage.saveSettings(["ROUND": "\(round)"])
                        try await storage.saveKeyStates([KeyStateRecord(key: "AIza-shared", consecutiveFailures: round)])
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await storage.countRows(table: .requestLog) == 1_000)
            #expect(try await storage.countRows(table: .errorLogs) == 100)
            #expect(try await storage.loadSettings()["ROUND"] == "9")
            #expect(try await storage.loadKeyStates().first?.consecutiveFailures == 9)
        }
    }
}
