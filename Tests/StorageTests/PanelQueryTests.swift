import Foundation
import Gateway
import Testing

@testable import StorageSQL

/// The admin panel's queries (`LogQueryStorage`), run unchanged on every backend.
@Suite("Storage: panel queries")
struct PanelQueryTests {
    static let keyA = "AIzaSyA-panel-key-aaaa"
    static let keyB = "AIzaSyB-panel-key-bbbb"
    static let keyC = "AIzaSyC-panel-key-cccc"

    static func call(
        _ seconds: TimeInterval, key: String? = keyA, model: String? = "gemini-2.5-flash", ok: Bool = true,
        status: Int? = nil, token: String? = nil
    ) -> RequestLogEntry {
        RequestLogEntry(
            time: TestTimes.at(seconds), model: model, apiKey: key, isSuccess: ok, statusCode: status ?? (ok ? 200 : 500),
            latencyMs: 10, tokenFingerprint: token)
    }

    static func error(
        _ seconds: TimeInterval, key: String? = keyA, code: Int?, type: String = "rate_limited",
        body: String = "{\"error\":{\"code\":429}}", model: String? = "gemini-2.5-flash", request: String? = nil
    ) -> ErrorLogEntry {
        ErrorLogEntry(
            time: TestTimes.at(seconds), apiKey: key, model: model, errorType: type, errorLog: body, errorCode: code,
            requestBody: request)
    }

    // MARK: Monitor counts

    @Test(arguments: StorageBackendUnderTest.available)
    func windowCountsSplitSuccessesAndFailuresPerWindow(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            try await storage.insertRequestLogs([
                Self.call(-30), Self.call(-30, ok: false, status: 429),
                Self.call(-1_800), Self.call(-1_800, status: 200),
                Self.call(-5 * 3_600, ok: false, status: nil),
                Self.call(-2 * 86_400),
                Self.call(-40 * 86_400, ok: false),
            ])
            let counts = try await storage.requestCounts(since: [
                TestTimes.at(-60), TestTimes.at(-3_600), TestTimes.at(-86_400), TestTimes.at(-30 * 86_400),
            ])
            #expect(counts == [
                OutcomeCounts(successes: 1, failures: 1), OutcomeCounts(successes: 3, failures: 1),
                OutcomeCounts(successes: 3, failures: 2), OutcomeCounts(successes: 4, failures: 2),
            ])
            #expect(try await storage.requestCounts(since: []) == [])
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func emptyLogCountsZero(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            #expect(try await storage.requestCounts(since: [TestTimes.at(-60)]) == [OutcomeCounts()])
            #expect(try await storage.requestsPerMinute(since: TestTimes.at(-60)).isEmpty)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func callsAreCountedPerMinuteInAbsoluteTime(_ backend: StorageBackendUnderTest) async throws {
        // The base is 18:53:21 in Shanghai; the log zone must not shift the minutes.
        for zone in [TimeZone.shanghai, TimeZone.utc] {
            try await withPreparedStorage(backend, logTimeZone: zone) { storage async throws in
                try await storage.insertRequestLogs([
                    Self.call(0), Self.call(30, ok: false), Self.call(-21), Self.call(-22), Self.call(-3_600),
                ])
                let minutes = try await storage.requestsPerMinute(since: TestTimes.at(-600))
                let minuteStart = TestTimes.at(-21)
                #expect(minutes == [
                    MinuteCounts(start: minuteStart.addingTimeInterval(-60), counts: OutcomeCounts(successes: 1)),
                    MinuteCounts(start: minuteStart, counts: OutcomeCounts(successes: 2, failures: 1)),
                ])
            }
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func keysNeedingAttentionAreRankedByErrorCodeWithinTheWindow(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            try await storage.insertErrorLogs([
                Self.error(-10, key: Self.keyA, code: 429), Self.error(-20, key: Self.keyA, code: 429),
                Self.error(-30, key: Self.keyA, code: 429), Self.error(-40, key: Self.keyB, code: 429),
                Self.error(-3 * 86_400, key: Self.keyB, code: 429), Self.error(-50, key: Self.keyB, code: 429),
                Self.error(-10, key: Self.keyC, code: 403), Self.error(-10, key: nil, code: 429),
            ])
            let since = TestTimes.at(-86_400)
            #expect(try await storage.keysByErrorCount(errorCode: 429, since: since, limit: 10) == [
                KeyErrorCount(key: Self.keyA, count: 3), KeyErrorCount(key: Self.keyB, count: 2),
            ])
            #expect(try await storage.keysByErrorCount(errorCode: 429, since: since, limit: 1).count == 1)
            #expect(try await storage.keysByErrorCount(errorCode: 403, since: since, limit: 10) == [
                KeyErrorCount(key: Self.keyC, count: 1),
            ])
            #expect(try await storage.keysByErrorCount(errorCode: 400, since: since, limit: 10).isEmpty)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func callsAreCountedPerKeyPerModelAndPerToken(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            try await storage.insertRequestLogs([
                Self.call(-10, key: Self.keyA, model: "gemini-2.5-pro", token: "f1"),
                Self.call(-20, key: Self.keyA, ok: false, token: "f1"),
                Self.call(-30, key: Self.keyA, token: "f2"),
                Self.call(-40, key: Self.keyB, model: nil, token: nil),
                Self.call(-2 * 86_400, key: Self.keyA, token: "f1"),
                Self.call(-10, key: Self.keyC),
            ])
            let since = TestTimes.at(-86_400)
            let perKey = try await storage.requestCountsByKey([Self.keyA, Self.keyB, "AIza-unused"], since: since)
            #expect(perKey == [
                Self.keyA: OutcomeCounts(successes: 2, failures: 1), Self.keyB: OutcomeCounts(successes: 1),
            ])
            #expect(try await storage.requestCountsByKey([], since: since).isEmpty)

            let models = try await storage.requestCountsByModel(key: Self.keyA, since: since)
            #expect(models == [
                ModelCallCount(model: "gemini-2.5-flash", counts: OutcomeCounts(successes: 1, failures: 1)),
                ModelCallCount(model: "gemini-2.5-pro", counts: OutcomeCounts(successes: 1)),
            ])
            let allModels = try await storage.requestCountsByModel(key: nil, since: since)
            #expect(allModels.map(\.counts.total).reduce(0, +) == 5)
            #expect(allModels.contains(ModelCallCount(model: nil, counts: OutcomeCounts(successes: 1))))

            let tokens = try await storage.requestCountsByToken(RequestLogFilter(from: since))
            #expect(Set(tokens.map(\.tokenFingerprint)) == ["f1", "f2", nil])
            #expect(tokens.first { $0.tokenFingerprint == "f1" }?.counts == OutcomeCounts(successes: 1, failures: 1))
            #expect(tokens.first { $0.tokenFingerprint == nil }?.counts == OutcomeCounts(successes: 2))
        }
    }

    // MARK: Request-log page

    @Test(arguments: StorageBackendUnderTest.available)
    func requestLogsAreFilteredSortedAndPaged(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            try await storage.insertRequestLogs([
                Self.call(-50, key: Self.keyA, model: "gemini-2.5-flash", token: "f1"),
                Self.call(-40, key: Self.keyB, model: "gemini-2.5-PRO", ok: false, status: 429, token: "f2"),
                Self.call(-30, key: Self.keyA, model: "<img src=x onerror=alert(1)>", ok: false, status: 404),
                Self.call(-20, key: Self.keyC, model: "gemini-2.0-flash", token: "f1"),
                Self.call(-10, key: "\"><script>alert(1)</script>", model: "gemini-2.5-flash", ok: false, status: 400),
            ])
            let all = try await storage.requestLogs(RequestLogFilter(), order: .newestFirst, page: .init(offset: 0, limit: 2))
            #expect(all.total == 5)
            #expect(all.rows.map(\.apiKey) == ["\"><script>alert(1)</script>", Self.keyC])
            #expect(all.rows.first?.time == TestTimes.at(-10))
            #expect(all.rows.first?.isSuccess == false)

            let second = try await storage.requestLogs(RequestLogFilter(), order: .newestFirst, page: .init(offset: 2, limit: 2))
            #expect(second.rows.map(\.model) == ["<img src=x onerror=alert(1)>", "gemini-2.5-PRO"])

            func keys(_ filter: RequestLogFilter, _ order: LogOrder = .newestFirst) async throws -> [String?] {
                try await storage.requestLogs(filter, order: order, page: .init(offset: 0, limit: 50)).rows.map(\.apiKey)
            }
            #expect(try await keys(RequestLogFilter(keyContains: "sya-PANEL")) == [Self.keyA, Self.keyA])
            #expect(try await keys(RequestLogFilter(key: Self.keyB)) == [Self.keyB])
            #expect(try await keys(RequestLogFilter(modelContains: "pro")) == [Self.keyB])
            #expect(try await keys(RequestLogFilter(modelContains: "100%")) == [])
            #expect(try await keys(RequestLogFilter(statusCode: 429)) == [Self.keyB])
            #expect(try await keys(RequestLogFilter(isSuccess: true)) == [Self.keyC, Self.keyA])
            #expect(try await keys(RequestLogFilter(tokenFingerprint: "f1")) == [Self.keyC, Self.keyA])
            #expect(try await keys(RequestLogFilter(from: TestTimes.at(-40), to: TestTimes.at(-20))) == [Self.keyA, Self.keyB])
            #expect(try await keys(RequestLogFilter(), LogOrder(column: .time, ascending: true)).first == Self.keyA)
            let byCode = try await storage.requestLogs(
                RequestLogFilter(), order: LogOrder(column: .code, ascending: true), page: .init(offset: 0, limit: 50))
            #expect(byCode.rows.compactMap(\.statusCode) == [200, 200, 400, 404, 429])
        }
    }

    // MARK: Error-log page

    @Test(arguments: StorageBackendUnderTest.available)
    func errorLogsAreFilteredSortedPagedShownAndDeleted(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            try await storage.insertErrorLogs([
                Self.error(-3 * 86_400, key: Self.keyC, code: 500, type: "upstream_error", body: "oops"),
                Self.error(-50, key: Self.keyA, code: 429, type: "rate_limited", body: "quota exhausted"),
                Self.error(-40, key: Self.keyB, code: 403, type: "key_invalid", body: "PERMISSION_DENIED leaked",
                           request: "{\"contents\":[]}"),
                Self.error(-30, key: Self.keyA, code: 400, type: "request_rejected", body: "bad 100% value",
                           model: "<img src=x onerror=alert(1)>"),
            ])
            let page = try await storage.errorLogs(ErrorLogFilter(), order: .newestFirst, page: .init(offset: 0, limit: 3))
            #expect(page.total == 4)
            #expect(page.rows.map(\.errorCode) == [400, 403, 429])
            #expect(page.rows.first?.model == "<img src=x onerror=alert(1)>")
            #expect(page.rows.first?.time == TestTimes.at(-30))

            func codes(_ filter: ErrorLogFilter, _ order: LogOrder = .newestFirst) async throws -> [Int?] {
                try await storage.errorLogs(filter, order: order, page: .init(offset: 0, limit: 50)).rows.map(\.errorCode)
            }
            #expect(try await codes(ErrorLogFilter(keyContains: "syA-panel")) == [400, 429])
            #expect(try await codes(ErrorLogFilter(key: Self.keyB)) == [403])
            #expect(try await codes(ErrorLogFilter(textContains: "LEAKED")) == [403])
            #expect(try await codes(ErrorLogFilter(textContains: "rate_")) == [429])
            #expect(try await codes(ErrorLogFilter(textContains: "100%")) == [400])
            #expect(try await codes(ErrorLogFilter(errorCode: 500)) == [500])
            #expect(try await codes(ErrorLogFilter(modelContains: "onerror")) == [400])
            #expect(try await codes(ErrorLogFilter(from: TestTimes.at(-86_400))) == [400, 403, 429])
            #expect(try await codes(ErrorLogFilter(to: TestTimes.at(-86_400))) == [500])
            #expect(try await codes(ErrorLogFilter(), LogOrder(column: .code, ascending: true)) == [400, 403, 429, 500])
            #expect(try await codes(ErrorLogFilter(), LogOrder(column: .time, ascending: true)) == [500, 429, 403, 400])

            let withBody = try #require(try await storage.errorLogs(
                ErrorLogFilter(key: Self.keyB), order: .newestFirst, page: .init(offset: 0, limit: 1)).rows.first)
            let detail = try #require(try await storage.errorLogDetail(id: withBody.id))
            #expect(detail.summary == withBody)
            #expect(detail.errorLog == "PERMISSION_DENIED leaked")
            #expect(detail.requestBody == "{\"contents\":[]}")
            #expect(try await storage.errorLogDetail(id: 987_654) == nil)

            #expect(try await storage.deleteErrorLogs(ids: [withBody.id, 987_654]) == 1)
            #expect(try await storage.errorLogDetail(id: withBody.id) == nil)
            #expect(try await storage.deleteErrorLogs(ids: []) == 0)
            #expect(try await storage.deleteAllErrorLogs() == 3)
            #expect(try await storage.countRows(table: .errorLogs) == 0)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func panelIndexesExist(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let catalog = SchemaCatalog(connection: DriverConnection(driver: storage.driver), dialect: storage.dialect)
            for index in IndexDefinition.panelIndexes {
                #expect(try await catalog.indexExists(index.name, on: index.table), "\(index.name)")
            }
        }
    }
}
