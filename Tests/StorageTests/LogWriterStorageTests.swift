import Foundation
import Gateway
import StorageSQL
import Testing

/// The log writer over each real database, with the rows that used to stop logging for good: a
/// NUL in a model name (PostgreSQL refused it, 22021) and a request body nested deeper than
/// MariaDB's `json_valid` accepts (4025).
@Suite("Storage: log writer over each database")
struct LogWriterStorageTests {
    @Test(arguments: StorageBackendUnderTest.available)
    func aModelNameWithANULDoesNotStopLogging(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let writer = LogWriter(storage: storage, logger: .quiet)
            let odd = "gem\u{0}ini-nope"
            writer.record(RequestLogEntry(time: TestTimes.at(0), model: odd, apiKey: "AIza-a", isSuccess: false,
                                          statusCode: 400, latencyMs: 3))
            writer.record(ErrorLogEntry(time: TestTimes.at(0), apiKey: "AIza-a", model: odd, errorType: "bad_request",
                                        errorLog: "400", errorCode: 400))
            await writer.flush()
            writer.record(RequestLogEntry(time: TestTimes.at(1), model: "gemini-2.5-flash", apiKey: "AIza-b",
                                          isSuccess: true, statusCode: 200, latencyMs: 4))
            await writer.flush()

            #expect(writer.backlog.pending == 0)
            #expect(writer.backlog.dropped == 0)
            let requests = try await storage.recentRequestLogs(limit: 10)
            #expect(requests.count == 2)
            #expect(requests.first?.model == "gemini-2.5-flash")
            #expect(try await storage.recentErrorLogs(limit: 10).count == 1)
            if backend.dialect == .postgres {
                #expect(requests.last?.model == "gemini-nope", "PostgreSQL cannot hold U+0000: it is taken out")
            }
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func aRequestBodyNestedDeeperThanMariaDBAcceptsIsStoredAsAJSONString(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let deep = String(repeating: "[", count: 40) + "1" + String(repeating: "]", count: 40)
            let deepest = String(repeating: "{\"a\":", count: 31) + "1" + String(repeating: "}", count: 31)
            let writer = LogWriter(storage: storage, logger: .quiet)
            for (index, body) in [deep, deepest].enumerated() {
                writer.record(ErrorLogEntry(time: TestTimes.at(Double(index)), apiKey: "AIza", model: "m",
                                            errorType: "bad_request", errorLog: "400", errorCode: 400, requestBody: body))
            }
            writer.record(RequestLogEntry(time: TestTimes.at(2), model: "m", apiKey: "AIza", isSuccess: false,
                                          statusCode: 400, latencyMs: 1))
            await writer.flush()

            #expect(writer.backlog.pending == 0)
            #expect(writer.backlog.dropped == 0)
            #expect(try await storage.recentRequestLogs(limit: 10).count == 1)
            let stored = try await storage.recentErrorLogs(limit: 10).reversed().map(\.requestBody)
            #expect(stored == ["\"\(deep)\"", deepest], "too deep: kept as a string; 31 levels: kept as JSON")
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func refusedValuesAreToldApartFromOtherFailures(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let timestamp = backend.dialect == .postgres ? "CAST(? AS TIMESTAMP)" : "?"
            let time = backend.dialect == .mysql ? "2026-11-27 18:53:21" : "2026-11-27 18:53:21.000000"
            // `is_success` is NOT NULL: a refused value on every database.
            let refusal = await Self.failure {
                try await storage.driver.execute(
                    "INSERT INTO t_request_log (request_time, is_success) VALUES (\(timestamp), ?)", [.text(time), .null])
            }
            #expect((refusal as? any ValueRefusalReporting)?.refusesValues == true, "\(String(describing: refusal))")

            // A missing table is no fault of the values: retrying later is right.
            let other = await Self.failure {
                try await storage.driver.execute("INSERT INTO t_no_such_table (id) VALUES (?)", [.int(1)])
            }
            #expect(other != nil)
            #expect((other as? any ValueRefusalReporting)?.refusesValues != true, "\(String(describing: other))")
        }
    }

    private static func failure(_ work: () async throws -> Void) async -> (any Error)? {
        do {
            try await work()
            return nil
        } catch {
            return error
        }
    }
}
