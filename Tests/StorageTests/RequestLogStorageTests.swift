import Foundation
import Gateway
import StorageSQL
import Testing

@Suite("Storage: request log (t_request_log)")
struct RequestLogStorageTests {
    @Test(arguments: StorageBackendUnderTest.available)
    func entriesRoundTripWithUnicodeAndNulls(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let entries = [
                RequestLogEntry(time: TestTimes.at(0), model: "gemini-2.5-flash", apiKey: "AIzaSyA-key-one",
                                isSuccess: true, statusCode: 200, latencyMs: 812, tokenFingerprint: "00c0ffee00c0ffee"),
                RequestLogEntry(time: TestTimes.at(1), model: "模型-🙂", apiKey: nil, isSuccess: false,
                                statusCode: nil, latencyMs: nil, tokenFingerprint: nil),
                RequestLogEntry(time: TestTimes.at(2), model: nil, apiKey: "AIzaSyB-key-two", isSuccess: false,
                                statusCode: 429, latencyMs: 95),
            ]
            try await storage.insertRequestLogs(entries)

            let stored = try await storage.recentRequestLogs(limit: 10)
            #expect(stored.map(\.entry) == entries.reversed())
            #expect(try await storage.countRows(table: .requestLog) == 3)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func timesAreWrittenAsNaiveLocalTimeInTheLogZone(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend, logTimeZone: .shanghai) { storage async throws in
            try await storage.insertRequestLogs([
                RequestLogEntry(time: TestTimes.base, model: nil, apiKey: nil, isSuccess: true, statusCode: 200,
                                latencyMs: 1),
            ])
            let cast = backend.dialect == .mysql ? "CAST(request_time AS CHAR)"
                : backend.dialect == .postgres ? "CAST(request_time AS TEXT)" : "request_time"
            let rows = try await storage.driver.query("SELECT \(cast) AS t FROM t_request_log", [])
            // 10:53:21 UTC is 18:53:21 in Shanghai, written without an offset, as gemini-balance does.
            let text = rows.first?["t"]
            #expect(text == .text(backend.dialect == .sqlite ? "2026-11-27 18:53:21.000000" : "2026-11-27 18:53:21"))
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func fractionsOfASecondSurviveWhereTheColumnKeepsThem(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let time = Date(timeIntervalSince1970: 1_795_776_801.982503)
            try await storage.insertRequestLogs([
                RequestLogEntry(time: time, model: nil, apiKey: nil, isSuccess: true, statusCode: nil, latencyMs: nil),
            ])
            let stored = try #require(try await storage.recentRequestLogs(limit: 1).first?.time)
            // MySQL's DATETIME keeps whole seconds (truncated, like gemini-balance's rows).
            let expected = backend.dialect == .mysql ? Date(timeIntervalSince1970: 1_795_776_801) : time
            #expect(stored == expected)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func overlongTextIsFittedToItsColumnInsteadOfFailingTheBatch(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let longModel = String(repeating: "模", count: 150)
            try await storage.insertRequestLogs([
                RequestLogEntry(time: TestTimes.base, model: longModel, apiKey: "AIza-short", isSuccess: true,
                                statusCode: 200, latencyMs: 1),
                RequestLogEntry(time: TestTimes.base, model: "ok", apiKey: "AIza-short", isSuccess: true,
                                statusCode: 200, latencyMs: 1),
            ])
            let stored = try await storage.recentRequestLogs(limit: 2)
            #expect(stored.count == 2)
            let model = try #require(stored.last?.model)
            // SQLite enforces no VARCHAR length; MySQL and PostgreSQL get at most 100 characters.
            #expect(longModel.hasPrefix(model))
            #expect(backend.dialect == .sqlite ? model == longModel : model.unicodeScalars.count <= 100)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func largeBatchesAreSplitIntoStatementsAndAllArrive(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let entries = (0..<1_234).map { index in
                RequestLogEntry(time: TestTimes.at(Double(index)), model: "gemini-2.5-flash", apiKey: "AIza-\(index % 7)",
                                isSuccess: index % 3 != 0, statusCode: 200, latencyMs: index)
            }
            try await storage.insertRequestLogs(entries)
            #expect(try await storage.countRows(table: .requestLog) == 1_234)
            #expect(try await storage.recentRequestLogs(limit: 1).first?.latencyMs == 1_233)
        }
    }
}
