import Foundation
@testable import Gateway
import Logging
import Synchronization
import Testing

/// A log table in memory whose failures the test scripts: an outage, a refused row, a slow write.
private final class ScriptedLogStorage: LogRowStorage {
    struct Outage: Error {}
    struct Refusal: ValueRefusalReporting {
        var refusesValues: Bool { true }
    }

    private struct State {
        var requests: [RequestLogEntry] = []
        var errors: [ErrorLogEntry] = []
        var errorInsertsFail = false
        var unansweredFor: Duration?
        var insertCalls = 0
    }

    private let state = Mutex(State())
    /// A request row with this model is refused, alone or in a batch (as a bad value refuses
    /// the whole multi-row INSERT).
    static let refusedModel = "refused"

    var requests: [RequestLogEntry] { state.withLock { $0.requests } }
    var errors: [ErrorLogEntry] { state.withLock { $0.errors } }
    var insertCalls: Int { state.withLock { $0.insertCalls } }

    func failErrorInserts(_ fail: Bool) { state.withLock { $0.errorInsertsFail = fail } }
    /// Like a PostgreSQL statement sent as the server vanished: no answer, whatever the caller
    /// does, until the connection is given up on (then it fails, having written nothing).
    func leaveInsertsUnanswered(for time: Duration?) { state.withLock { $0.unansweredFor = time } }

    func insertRequestLogs(_ entries: [RequestLogEntry]) async throws {
        let unanswered = state.withLock { state -> Duration? in
            state.insertCalls += 1
            return state.unansweredFor
        }
        if let unanswered {
            await Task.detached { try? await Task.sleep(for: unanswered) }.value
            throw Outage()
        }
        if entries.contains(where: { $0.model == Self.refusedModel }) { throw Refusal() }
        state.withLock { $0.requests += entries }
    }

    func insertErrorLogs(_ entries: [ErrorLogEntry]) async throws {
        try state.withLock { state in
            state.insertCalls += 1
            if state.errorInsertsFail { throw Outage() }
            state.errors += entries
        }
    }
}

@Suite struct LogWriterTests {
    private static let logger = Logger(label: "gemgate.tests.log-writer") { _ in SwiftLogNoOpLogHandler() }

    private static func request(_ model: String) -> RequestLogEntry {
        RequestLogEntry(time: Date(), model: model, apiKey: "AIza-test", isSuccess: true, statusCode: 200, latencyMs: 5)
    }

    private static func error(_ type: String) -> ErrorLogEntry {
        ErrorLogEntry(time: Date(), apiKey: "AIza-test", model: "m", errorType: type, errorLog: "e", errorCode: 500)
    }

    @Test func requestRowsWrittenBeforeAFailureAreNotWrittenAgain() async {
        let storage = ScriptedLogStorage()
        let writer = LogWriter(storage: storage, logger: Self.logger)
        storage.failErrorInserts(true)
        for model in ["a", "b", "c"] { writer.record(Self.request(model)) }
        writer.record(Self.error("upstream_unavailable"))

        await writer.flush()
        #expect(storage.requests.map(\.model) == ["a", "b", "c"])
        #expect(writer.backlog.pending == 1, "only the error row waits")
        #expect(writer.backlog.lastFailure != nil)

        storage.failErrorInserts(false)
        await writer.flush()
        #expect(storage.requests.count == 3, "the committed request rows were not copied again")
        #expect(storage.errors.map(\.errorType) == ["upstream_unavailable"])
        #expect(writer.backlog.pending == 0)
        #expect(writer.backlog.lastFailure == nil)
    }

    @Test func aRowTheDatabaseRefusesIsDroppedAndTheOthersAreWritten() async {
        let storage = ScriptedLogStorage()
        let writer = LogWriter(storage: storage, logger: Self.logger)
        for model in ["before", ScriptedLogStorage.refusedModel, "after"] { writer.record(Self.request(model)) }
        writer.record(Self.error("rate_limited"))

        await writer.flush()
        #expect(storage.requests.map(\.model) == ["before", "after"])
        #expect(storage.errors.count == 1, "the error rows are still written")
        #expect(writer.backlog.pending == 0, "the refused row is not kept to fail again")
        #expect(writer.backlog.dropped == 1)
        #expect(writer.backlog.lastFailure == nil, "a refused row is not an outage")

        // Logging goes on.
        writer.record(Self.request("later"))
        await writer.flush()
        #expect(storage.requests.map(\.model) == ["before", "after", "later"])
    }

    @Test func aWriteThatIsNeverAnsweredHandsItsRowsBackAtTheLimit() async throws {
        let storage = ScriptedLogStorage()
        let writer = LogWriter(storage: storage, writeLimit: .milliseconds(100), logger: Self.logger)
        storage.leaveInsertsUnanswered(for: .seconds(2))
        writer.record(Self.request("held"))

        await writer.flush()
        #expect(writer.backlog.lastFailure != nil, "the flush stopped waiting")
        #expect(writer.backlog.pending == 1, "the row is back in the buffer, not held by the silent statement")

        storage.leaveInsertsUnanswered(for: nil)
        await writer.flush()
        #expect(storage.requests.map(\.model) == ["held"])
        // The abandoned write, when it finally fails, puts nothing back a second time.
        try await Task.sleep(for: .seconds(2.5))
        #expect(writer.backlog.pending == 0)
        await writer.flush()
        #expect(storage.requests.map(\.model) == ["held"])
    }

    @Test func aRequestBodyIsCutToTheStoredSizeWhenRecorded() async throws {
        let storage = ScriptedLogStorage()
        let writer = LogWriter(storage: storage, logger: Self.logger)
        let body = #"{"contents":[{"parts":[{"inlineData":{"data":""# + String(repeating: "A", count: 3 << 20) + #""}}]}]}"#
        var entry = Self.error("bad_request")
        entry.requestBody = body
        writer.record(entry)

        await writer.flush()
        let stored = try #require(storage.errors.first?.requestBody)
        #expect(stored.utf8.count <= ErrorLogEntry.maxStoredRequestBodyBytes)
        #expect(stored.hasPrefix(String(body.prefix(1000))))
        #expect(stored.contains("truncated by Gemgate: \(body.utf8.count) bytes in total"))

        var small = Self.error("bad_request")
        small.requestBody = #"{"contents":[]}"#
        writer.record(small)
        await writer.flush()
        #expect(storage.errors.last?.requestBody == small.requestBody, "a body that fits is kept as it is")
    }

    @Test func errorEntriesAreBoundedByBytesAndTheOldestGiveWay() async {
        let storage = ScriptedLogStorage()
        let megabyte = 1 << 20
        let writer = LogWriter(storage: storage, errorByteBudget: 3 * megabyte + megabyte / 2, logger: Self.logger)
        storage.failErrorInserts(true)
        for index in 0..<5 {
            var entry = Self.error("e\(index)")
            entry.requestBody = String(repeating: "x", count: megabyte - 2048)
            writer.record(entry)
        }
        #expect(writer.backlog.pending == 3, "about 1 MB each: three fit in 3.5 MB")
        #expect(writer.backlog.dropped == 2)

        // A failed write puts its entries back within the same budget.
        await writer.flush()
        var late = Self.error("e5")
        late.requestBody = String(repeating: "y", count: megabyte - 2048)
        writer.record(late)
        #expect(writer.backlog.pending == 3)
        #expect(writer.backlog.dropped == 3)

        storage.failErrorInserts(false)
        await writer.flush()
        #expect(storage.errors.map(\.errorType) == ["e3", "e4", "e5"], "the newest are kept")
    }
}
