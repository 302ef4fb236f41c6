import Foundation
import Gateway
import StorageSQL
import Testing

@Suite("Storage: retention")
struct RetentionStorageTests {
    static let now = TestTimes.base
    static let day: TimeInterval = 86_400

    @Test(arguments: StorageBackendUnderTest.available)
    func requestLogsOlderThanTheCutoffAreDeletedAndCounted(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let ages: [TimeInterval] = [40, 31, 30.5, 29, 1, 0]
            try await storage.insertRequestLogs(ages.map { age in
                RequestLogEntry(time: Self.now.addingTimeInterval(-age * Self.day), model: "m", apiKey: "k",
                                isSuccess: true, statusCode: 200, latencyMs: 1)
            })
            let deleted = try await storage.deleteRequestLogs(before: Self.now.addingTimeInterval(-30 * Self.day))
            #expect(deleted == 3)
            #expect(try await storage.countRows(table: .requestLog) == 3)
            #expect(try await storage.deleteRequestLogs(before: Self.now.addingTimeInterval(-30 * Self.day)) == 0)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func errorLogsOlderThanTheCutoffAreDeletedAndCounted(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let ages: [TimeInterval] = [8, 7.01, 6.99, 0]
            try await storage.insertErrorLogs(ages.map { age in
                ErrorLogEntry(time: Self.now.addingTimeInterval(-age * Self.day), apiKey: "k", model: "m",
                              errorType: "x", errorLog: "e", errorCode: 500)
            })
            let deleted = try await storage.deleteErrorLogs(before: Self.now.addingTimeInterval(-7 * Self.day))
            #expect(deleted == 2)
            let left = try await storage.recentErrorLogs(limit: 10).compactMap(\.summary.time)
            #expect(left.allSatisfy { $0 >= Self.now.addingTimeInterval(-7 * Self.day) })
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func theCutoffIsAnAbsoluteTimeWhateverTheLogZone(_ backend: StorageBackendUnderTest) async throws {
        // Rows one hour either side of the cutoff, stored in a zone 8 hours from UTC: a cutoff
        // compared in the wrong zone would delete both or neither.
        try await withPreparedStorage(backend, logTimeZone: .shanghai) { storage async throws in
            let cutoff = Self.now
            try await storage.insertRequestLogs([-3600.0, 3600.0].map { offset in
                RequestLogEntry(time: cutoff.addingTimeInterval(offset), model: nil, apiKey: nil, isSuccess: true,
                                statusCode: nil, latencyMs: nil)
            })
            #expect(try await storage.deleteRequestLogs(before: cutoff) == 1)
            #expect(try await storage.recentRequestLogs(limit: 5).first?.time == cutoff.addingTimeInterval(3600))
        }
    }
}
