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

    @Test(arguments: StorageBackendUnderTest.available)
    func oldRowsAreDeletedInChunksUntilNoneAreLeft(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let cutoff = Self.now.addingTimeInterval(-30 * Self.day)
            try await storage.insertRequestLogs((0..<27).map { index in
                // 25 old rows, 2 recent ones.
                let age = index < 25 ? 40 * Self.day + Double(index) : Double(index)
                return RequestLogEntry(time: Self.now.addingTimeInterval(-age), model: "m", apiKey: "k", isSuccess: true,
                                       statusCode: 200, latencyMs: 1)
            })
            try await storage.insertErrorLogs((0..<13).map { index in
                let age = index < 12 ? 40 * Self.day + Double(index) : 0
                return ErrorLogEntry(time: Self.now.addingTimeInterval(-age), apiKey: "k", model: "m", errorType: "x",
                                     errorLog: "e", errorCode: 500)
            })
            let recording = RecordingDriver(base: storage.driver)
            let chunked = SQLStorage(driver: recording, logTimeZone: storage.logTimeZone, summary: storage.summary,
                                     logger: .quiet, retentionChunkSize: 10)

            #expect(try await chunked.deleteRequestLogs(before: cutoff) == 25)
            #expect(recording.deletions == [10, 10, 5], "no statement deletes more than a chunk")
            #expect(try await storage.countRows(table: .requestLog) == 2)

            recording.forget()
            #expect(try await chunked.deleteErrorLogs(before: cutoff) == 12)
            #expect(recording.deletions == [10, 2])
            #expect(try await storage.countRows(table: .errorLogs) == 1)

            recording.forget()
            #expect(try await chunked.deleteRequestLogs(before: cutoff) == 0)
            #expect(recording.deletions == [0])
        }
    }
}
