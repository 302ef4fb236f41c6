import Foundation
import Gateway
import Logging
import Testing

@testable import StoragePostgres
import StorageSQL

// The PostgreSQL driver, in three parts: pure functions (always run), the configuration
// (always run), and the driver against a real server (skipped unless
// GEMGATE_TEST_POSTGRES_URL is set; start one with scripts/db/postgres-start.sh).

// MARK: - Placeholder rewriting

@Suite("PostgreSQL placeholder rewriting")
struct PostgresPlaceholderTests {
    private func rewrite(_ sql: String) -> String { PostgresPlaceholders.rewrite(sql).sql }

    @Test func numbersEachPlaceholderInOrder() {
        let result = PostgresPlaceholders.rewrite("INSERT INTO t (a, b, c) VALUES (?, ?,?)")
        #expect(result.sql == "INSERT INTO t (a, b, c) VALUES ($1, $2,$3)")
        #expect(result.count == 3)
        #expect(rewrite("SELECT a FROM t WHERE a=? AND b<>?") == "SELECT a FROM t WHERE a=$1 AND b<>$2")
        #expect(PostgresPlaceholders.rewrite("SELECT 1").count == 0)
        #expect(rewrite("SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?") == "SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11")
    }

    @Test func leavesSingleQuotedStringsAlone() {
        #expect(rewrite("SELECT 'a?b', ?") == "SELECT 'a?b', $1")
        #expect(rewrite("SELECT 'it''s ?', ?") == "SELECT 'it''s ?', $1")
        #expect(rewrite("SELECT '', ?, '?'") == "SELECT '', $1, '?'")
        // E'' strings: a backslash escapes the quote, which must not end the literal.
        #expect(rewrite(#"SELECT E'\'?', ?"#) == #"SELECT E'\'?', $1"#)
        // A plain string does not treat a backslash as an escape (standard_conforming_strings).
        #expect(rewrite(#"SELECT '\', ?"#) == #"SELECT '\', $1"#)
        // An identifier ending in e is no E'' prefix.
        #expect(rewrite(#"SELECT name'\', ?"#) == #"SELECT name'\', $1"#)
    }

    @Test func leavesQuotedIdentifiersAlone() {
        #expect(rewrite(#"SELECT "what?" FROM "t?""" WHERE "key" = ?"#) == #"SELECT "what?" FROM "t?""" WHERE "key" = $1"#)
    }

    @Test func leavesCommentsAlone() {
        #expect(rewrite("SELECT ? -- why?\n, ?") == "SELECT $1 -- why?\n, $2")
        #expect(rewrite("SELECT /* ? /* nested ? */ still ? */ ?") == "SELECT /* ? /* nested ? */ still ? */ $1")
        #expect(rewrite("SELECT 5 - ?, 6 / ?") == "SELECT 5 - $1, 6 / $2")
    }

    @Test func leavesDollarQuotedStringsAlone() {
        #expect(rewrite("SELECT $$?$$, ?") == "SELECT $$?$$, $1")
        #expect(rewrite("SELECT $fn$ a ? $$ b $fn$, ?") == "SELECT $fn$ a ? $$ b $fn$, $1")
        // `$1` is a positional parameter, not a dollar quote; `a$b` is an identifier.
        #expect(rewrite("SELECT $1, a$b, ?") == "SELECT $1, a$b, $1")
    }

    @Test func keepsNonASCIITextIntact() {
        #expect(rewrite("SELECT '你好?🙂', ? AS \"列?\" -- 注释?\n") == "SELECT '你好?🙂', $1 AS \"列?\" -- 注释?\n")
    }

    @Test func unterminatedLiteralsRunToTheEnd() {
        #expect(rewrite("SELECT ?, 'open ?") == "SELECT $1, 'open ?")
        #expect(rewrite("SELECT ?, /* open ?") == "SELECT $1, /* open ?")
    }
}

// MARK: - Date and time text

@Suite("PostgreSQL date and time text")
struct PostgresTimeTextTests {
    @Test func formatsTimestamps() {
        #expect(PostgresTimeText.timestamp(microsecondsSince2000: 0) == "2000-01-01 00:00:00")
        #expect(PostgresTimeText.timestamp(microsecondsSince2000: 1) == "2000-01-01 00:00:00.000001")
        #expect(PostgresTimeText.timestamp(microsecondsSince2000: -1) == "1999-12-31 23:59:59.999999")
        // 2024-02-29 12:34:56.5 is 8825 days and 45 296.5 s after 2000-01-01.
        #expect(PostgresTimeText.timestamp(microsecondsSince2000: 8825 * 86_400_000_000 + 45_296_500_000)
            == "2024-02-29 12:34:56.500000")
        #expect(PostgresTimeText.timestamp(microsecondsSince2000: .max) == "infinity")
        #expect(PostgresTimeText.timestamp(microsecondsSince2000: .min) == "-infinity")
    }

    @Test func formatsDatesAndTimes() {
        #expect(PostgresTimeText.date(daysSince2000: 0) == "2000-01-01")
        #expect(PostgresTimeText.date(daysSince2000: -10_957) == "1970-01-01")
        #expect(PostgresTimeText.date(daysSince2000: 59) == "2000-02-29")
        #expect(PostgresTimeText.date(daysSince2000: 36_525) == "2100-01-01")
        #expect(PostgresTimeText.time(microsecondsSinceMidnight: 86_399_000_000) == "23:59:59")
        #expect(PostgresTimeText.time(microsecondsSinceMidnight: 3_723_000_042) == "01:02:03.000042")
    }
}

// MARK: - Configuration

@Suite("PostgreSQL configuration")
struct PostgresConfigurationTests {
    @Test func readsADatabaseURL() throws {
        let configuration = try PostgresConfiguration.fromEnvironment([
            "DATABASE_URL": "postgresql://gem%20gate:p%40ss%3Aw%2Fo%25rd@db.example.com:6543/gemgate_db?sslmode=require&channel_binding=require"
        ])
        #expect(configuration.endpoint == .tcp(host: "db.example.com", port: 6543))
        #expect(configuration.username == "gem gate")
        #expect(configuration.password == "p@ss:w/o%rd")
        #expect(configuration.database == "gemgate_db")
        #expect(configuration.tlsMode == .require)
        #expect(configuration.ignoredURLParameters == ["channel_binding"])
        #expect(configuration.poolSize == 8)
    }

    @Test func readsIPv6AndDefaults() throws {
        let configuration = try PostgresConfiguration.fromEnvironment([
            "DATABASE_URL": "postgres://u@[::1]/d"
        ])
        #expect(configuration.endpoint == .tcp(host: "::1", port: 5432))
        #expect(configuration.password == nil)
        #expect(configuration.tlsMode == .prefer)
        #expect(configuration.address == "[::1]:5432")
    }

    @Test func fillsWhatTheURLLeavesOutFromVariables() throws {
        let configuration = try PostgresConfiguration.fromEnvironment([
            "DATABASE_URL": "postgres://gemgate@db:5432/gemgate",
            "POSTGRES_PASSWORD": "from-secret-store",
            "POSTGRES_SSLMODE": "verify-full",
            "POSTGRES_POOL_SIZE": "3",
        ])
        #expect(configuration.password == "from-secret-store")
        #expect(configuration.tlsMode == .verifyFull)
        #expect(configuration.poolSize == 3)
    }

    @Test func readsThePostgresVariables() throws {
        let configuration = try PostgresConfiguration.fromEnvironment([
            "POSTGRES_HOST": "10.0.0.5",
            "POSTGRES_USER": "gemgate",
            "POSTGRES_PASSWORD": " secret with spaces ",
            "POSTGRES_DATABASE": "gemgate",
            "POSTGRES_SSLMODE": "disable",
            "POSTGRES_SCHEMA": "instance_a",
        ])
        #expect(configuration.endpoint == .tcp(host: "10.0.0.5", port: 5432))
        #expect(configuration.password == " secret with spaces ")
        #expect(configuration.tlsMode == .disable)
        #expect(configuration.schema == "instance_a")
        #expect(configuration.description == "postgres gemgate@10.0.0.5:5432/gemgate schema instance_a (no TLS)")
    }

    @Test func aHostPathIsAUnixSocketFolder() throws {
        let configuration = try PostgresConfiguration.fromEnvironment([
            "DATABASE_URL": "postgres://gemgate@%2Fvar%2Frun%2Fpostgresql:5433/gemgate"
        ])
        #expect(configuration.endpoint == .unixSocket(path: "/var/run/postgresql/.s.PGSQL.5433"))
        #expect(configuration.description.hasSuffix("(unix socket)"))
    }

    @Test func theDescriptionNeverShowsThePassword() throws {
        let configuration = try PostgresConfiguration.fromEnvironment([
            "DATABASE_URL": "postgres://gemgate:topsecret@127.0.0.1:5433/gemgate?sslmode=require"
        ])
        #expect(configuration.description == "postgres gemgate@127.0.0.1:5433/gemgate (TLS, certificate not checked)")
        #expect(!configuration.description.contains("topsecret"))
        #expect(!String(describing: configuration).contains("topsecret"))
    }

    @Test func missingValuesNameTheVariable() {
        expectProblem(["POSTGRES_USER": "u", "POSTGRES_DATABASE": "d"], mentions: "POSTGRES_HOST")
        expectProblem(["POSTGRES_HOST": "h", "POSTGRES_DATABASE": "d"], mentions: "POSTGRES_USER")
        expectProblem(["POSTGRES_HOST": "h", "POSTGRES_USER": "u"], mentions: "POSTGRES_DATABASE")
        expectProblem(["DATABASE_URL": "postgres://u:pw@h:5432"], mentions: "POSTGRES_DATABASE")
        expectProblem(["DATABASE_URL": "mysql://u:pw@h/d"], mentions: "DATABASE_URL")
        expectProblem(["DATABASE_URL": "postgres://u:pw@h:99999/d"], mentions: "port")
        expectProblem(["DATABASE_URL": "postgres://u:p%zz@h/d"], mentions: "password")
        expectProblem(["DATABASE_URL": "postgres://u@h/d?sslmode=sometimes"], mentions: "sometimes")
        expectProblem(["DATABASE_URL": "postgres://u@h/d", "POSTGRES_POOL_SIZE": "zero"], mentions: "POSTGRES_POOL_SIZE")
        expectProblem(["DATABASE_URL": "postgres://u@h/d", "POSTGRES_PORT": "x"], mentions: nil)
    }

    @Test func aBadURLNeverEchoesThePassword() {
        expectProblem(["DATABASE_URL": "postgres://u:hunter2@h:notaport/d"], mentions: "port", not: "hunter2")
    }

    private func expectProblem(
        _ variables: [String: String],
        mentions expected: String?,
        not forbidden: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            let configuration = try PostgresConfiguration.fromEnvironment(variables)
            if expected != nil {
                Issue.record("expected a problem, got \(configuration)", sourceLocation: sourceLocation)
            }
        } catch {
            if let expected {
                #expect(error.description.contains(expected), "\(error)", sourceLocation: sourceLocation)
            }
            if let forbidden {
                #expect(!error.description.contains(forbidden), "\(error)", sourceLocation: sourceLocation)
            }
        }
    }
}

// MARK: - Start-up failures (no server needed)

@Suite("PostgreSQL start-up failures")
struct PostgresStartupFailureTests {
    @Test(.timeLimit(.minutes(1)))
    func anUnreachableServerGivesOneLineWithAddressAndCause() async throws {
        var configuration = PostgresConfiguration(
            endpoint: .tcp(host: "127.0.0.1", port: 1), username: "gemgate", password: "hunter2",
            database: "gemgate", tlsMode: .disable)
        configuration.connectTimeout = .seconds(3)
        do {
            let driver = try await PostgresBackend.makeDriver(configuration: configuration, logger: PostgresTestServer.logger)
            await driver.close()
            Issue.record("connected to port 1")
        } catch let problem as LaunchProblem {
            let line = problem.description
            #expect(line.contains("127.0.0.1:1"), "\(line)")
            #expect(line.contains("connection refused"), "\(line)")
            #expect(line.contains("POSTGRES_HOST"), "\(line)")
            #expect(!line.contains("hunter2"))
            #expect(!line.contains("\n"))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aHostThatDoesNotResolveOrAnswerIsNamed() async throws {
        // `.invalid` never resolves; 192.0.2.1 (TEST-NET-1) never answers (or a firewall refuses it).
        for (host, causes) in [("gemgate-db.invalid", ["resolved"]), ("192.0.2.1", ["no answer", "unreachable", "timed out", "refused"])] {
            var configuration = PostgresConfiguration(
                endpoint: .tcp(host: host, port: 5432), username: "gemgate", password: "hunter2",
                database: "gemgate", tlsMode: .disable)
            configuration.connectTimeout = .seconds(1)
            let start = ContinuousClock.now
            do {
                let driver = try await PostgresBackend.makeDriver(configuration: configuration, logger: PostgresTestServer.logger)
                await driver.close()
                Issue.record("connected to \(host)")
            } catch let problem as LaunchProblem {
                let line = problem.description
                #expect(line.contains("\(host):5432"), "\(line)")
                #expect(causes.contains { line.contains($0) }, "\(line)")
                #expect(!line.contains("hunter2") && !line.contains("\n"))
            }
            #expect(ContinuousClock.now - start < .seconds(8))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aPoolThatCannotConnectFailsWithinTheWaitTimeout() async throws {
        var configuration = PostgresConfiguration(
            endpoint: .tcp(host: "127.0.0.1", port: 1), username: "gemgate", password: nil,
            database: "gemgate", tlsMode: .disable)
        configuration.connectionWaitTimeout = .seconds(1)
        let driver = try await PostgresDriver(configuration: configuration, logger: PostgresTestServer.logger)
        let start = ContinuousClock.now
        let timeoutError = await #expect(throws: PostgresDriverError.self) {
            try await driver.query("SELECT 1", [])
        }
        #expect(timeoutError?.kind == .timeout)
        #expect(ContinuousClock.now - start < .seconds(5))
        await driver.close()
    }

    @Test func aClosedDriverRefusesWork() async throws {
        let configuration = PostgresConfiguration(
            endpoint: .tcp(host: "127.0.0.1", port: 1), username: "gemgate", password: nil,
            database: "gemgate", tlsMode: .disable)
        let driver = try await PostgresDriver(configuration: configuration, logger: PostgresTestServer.logger)
        await driver.close()
        await driver.close()  // twice is fine
        await #expect(throws: PostgresDriverError.self) {
            try await driver.query("SELECT 1", [])
        }
        // A LISTEN on a closed driver is an empty stream, not a hang.
        var events = try driver.listenEvents(channel: "closed_driver").makeAsyncIterator()
        #expect(await events.next() == nil)
    }
}

// MARK: - Against a server

@Suite("PostgreSQL driver", .enabled(if: PostgresTestServer.isAvailable), .timeLimit(.minutes(2)))
struct PostgresDriverTests {
    @Test func reportsItsDialect() async throws {
        try await PostgresTestServer.withFreshSchema { driver, _ in
            #expect(driver.dialect == .postgres)
        }
    }

    @Test func roundTripsTextIntegersAndDoubles() async throws {
        try await PostgresTestServer.withFreshSchema { driver, _ in
            try await driver.execute(
                "CREATE TABLE v (id BIGSERIAL PRIMARY KEY, t TEXT, vc VARCHAR(100), i BIGINT, i4 INTEGER, s SMALLINT, d DOUBLE PRECISION, r REAL)",
                [])
            let long = String(repeating: "长文本🙂abcd", count: 12_500)  // 100 000 characters
            #expect(long.count == 100_000)
            let rows: [(String, Int64, Double)] = [
                ("你好，世界 🌏👩‍💻", .max, 0.1),
                ("", .min, -1e300),
                (long, 0, .greatestFiniteMagnitude),
            ]
            for (text, integer, double) in rows {
                try await driver.execute(
                    "INSERT INTO v (t, vc, i, i4, s, d, r) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [.text(text), .text(String(text.prefix(100))), .int(integer), .int(-7), .int(1), .double(double), .double(2.5)])
            }
            let read = try await driver.query("SELECT t, vc, i, i4, s, d, r FROM v ORDER BY id", [])
            #expect(read.count == 3)
            for (row, (text, integer, double)) in zip(read, rows) {
                #expect(row["t"] == .text(text))
                #expect(row["vc"] == .text(String(text.prefix(100))))
                #expect(row["i"] == .int(integer))
                #expect(row["i4"] == .int(-7))
                #expect(row["s"] == .int(1))
                #expect(row["d"] == .double(double))
                #expect(row["r"] == .double(2.5))
            }
        }
    }

    @Test func roundTripsNullInEveryType() async throws {
        try await PostgresTestServer.withFreshSchema { driver, _ in
            try await driver.execute(
                """
                CREATE TABLE n (t TEXT, i BIGINT, d DOUBLE PRECISION, b BYTEA, ts TIMESTAMP, tz TIMESTAMPTZ,
                                dt DATE, flag BOOLEAN, num NUMERIC, j JSONB)
                """, [])
            try await driver.execute(
                "INSERT INTO n VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Array(repeating: .null, count: 10))
            let row = try #require(try await driver.query("SELECT * FROM n", []).first)
            #expect(row.columns == ["t", "i", "d", "b", "ts", "tz", "dt", "flag", "num", "j"])
            #expect(row.values == Array(repeating: .null, count: 10))
        }
    }

    @Test func roundTripsBytes() async throws {
        try await PostgresTestServer.withFreshSchema { driver, _ in
            try await driver.execute("CREATE TABLE b (data BYTEA)", [])
            let bytes = (0..<1024).map { UInt8($0 % 256) }
            try await driver.execute("INSERT INTO b (data) VALUES (?), (?)", [.blob(bytes), .blob([])])
            let rows = try await driver.query("SELECT data FROM b ORDER BY length(data) DESC", [])
            #expect(rows.map { $0["data"] } == [.blob(bytes), .blob([])])
        }
    }

    @Test func readsTimestampsAsNaiveTextAndUTC() async throws {
        try await PostgresTestServer.withFreshSchema { driver, _ in
            try await driver.execute("CREATE TABLE ts (naive TIMESTAMP, aware TIMESTAMPTZ, day DATE)", [])
            // Text binds reach timestamp columns with and without the shared layer's CAST.
            try await driver.execute(
                "INSERT INTO ts VALUES (?, ?, ?)",
                [.text("2026-11-27 18:53:21.982503"), .text("2026-11-27 18:53:21+08:00"), .text("2026-11-27")])
            try await driver.execute(
                "INSERT INTO ts VALUES (CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMPTZ), CAST(? AS DATE))",
                [.text("1999-12-31 23:59:59"), .text("2000-01-01 00:00:00.5"), .text("1970-01-01")])
            let rows = try await driver.query(
                "SELECT naive, aware, day, CAST(naive AS TEXT) AS naive_text FROM ts ORDER BY naive DESC", [])
            #expect(rows[0]["naive"] == .text("2026-11-27 18:53:21.982503"))
            #expect(rows[0]["aware"] == .text("2026-11-27 10:53:21"))
            #expect(rows[0]["day"] == .text("2026-11-27"))
            #expect(rows[0]["naive_text"] == .text("2026-11-27 18:53:21.982503"))
            #expect(rows[1]["naive"] == .text("1999-12-31 23:59:59"))
            #expect(rows[1]["aware"] == .text("2000-01-01 00:00:00.500000"))
            #expect(rows[1]["day"] == .text("1970-01-01"))

            // Comparing with a text bind works too, and the session runs in UTC.
            let later = try await driver.query(
                "SELECT COUNT(*) AS n FROM ts WHERE naive > ?", [.text("2000-01-01 00:00:00")])
            #expect(later.first?["n"] == .int(1))
            let zone = try await driver.query("SELECT current_setting('TimeZone') AS zone", [])
            #expect(zone.first?["zone"] == .text("UTC"))
        }
    }

    @Test func mapsBooleansNumericsAndJSON() async throws {
        try await PostgresTestServer.withFreshSchema { driver, _ in
            try await driver.execute("CREATE TABLE m (flag BOOLEAN, amount NUMERIC(20, 4), doc JSONB, n BIGINT)", [])
            // Text binds fit boolean and jsonb columns; an int bind does not fit boolean.
            try await driver.execute(
                "INSERT INTO m VALUES (?, ?, ?, ?)", [.text("1"), .text("12.5"), .text(#"{"名字": "值"}"#), .int(5)])
            try await driver.execute(
                "INSERT INTO m VALUES (?, ?, ?, ?)", [.text("false"), .double(-3), .text("[1, 2]"), .int(7)])
            let rows = try await driver.query(
                "SELECT flag, amount, doc, SUM(n) OVER () AS total, AVG(n) OVER () AS mean FROM m ORDER BY flag DESC", [])
            #expect(rows.map { $0["flag"] } == [.int(1), .int(0)])
            #expect(rows.map { $0["amount"] } == [.double(12.5), .int(-3)])
            #expect(rows[0]["doc"] == .text(#"{"名字": "值"}"#))
            #expect(rows[0]["total"] == .int(12))  // SUM(bigint) is numeric
            #expect(rows[0]["mean"] == .int(6))  // AVG is numeric, here integral
            let mismatch = await #expect(throws: PostgresDriverError.self) {
                try await driver.execute("INSERT INTO m (flag) VALUES (?)", [.int(1)])
            }
            #expect(mismatch?.sqlState == "42804")
        }
    }

    @Test func countsAffectedRowsAndReturnsNoInsertID() async throws {
        try await PostgresTestServer.withFreshSchema { driver, _ in
            try await driver.execute("CREATE TABLE a (id BIGSERIAL PRIMARY KEY, name TEXT)", [])
            let insert = try await driver.execute("INSERT INTO a (name) VALUES (?), (?), (?)", [.text("x"), .text("y"), .text("z")])
            #expect(insert == SQLExecution(affectedRows: 3, lastInsertID: nil))
            #expect(try await driver.execute("UPDATE a SET name = ? WHERE id > ?", [.text("w"), .int(1)]).affectedRows == 2)
            #expect(try await driver.execute("DELETE FROM a WHERE name = ?", [.text("nobody")]).affectedRows == 0)
            // The id of a new row comes from RETURNING.
            let returned = try await driver.query("INSERT INTO a (name) VALUES (?) RETURNING id", [.text("new")])
            #expect(returned.first?["id"] == .int(4))
            // Upsert, as the shared layer writes it.
            try await driver.execute("CREATE TABLE kv (\"key\" VARCHAR(100) PRIMARY KEY, value TEXT)", [])
            for value in ["one", "two"] {
                try await driver.execute(
                    "INSERT INTO kv (\"key\", value) VALUES (?, ?) ON CONFLICT (\"key\") DO UPDATE SET value = excluded.value",
                    [.text("k"), .text(value)])
            }
            #expect(try await driver.query("SELECT value FROM kv", []).map { $0["value"] } == [.text("two")])
        }
    }

    @Test func reportsErrorsWithSQLState() async throws {
        try await PostgresTestServer.withFreshSchema { driver, configuration in
            try await driver.execute("CREATE TABLE u (k TEXT PRIMARY KEY)", [])
            try await driver.execute("INSERT INTO u VALUES (?)", [.text("AIzaSyTestKey")])
            let cases: [(String, [SQLValue], String)] = [
                ("INSERT INTO u VALUES (?)", [.text("AIzaSyTestKey")], "23505"),
                ("SELECT * FROM no_such_table", [], "42P01"),
                ("SELEC 1", [], "42601"),
                ("SELECT 1 WHERE ? IS NULL", [.null], "42P18"),
                ("SELECT 1; SELECT 2", [], "42601"),
            ]
            for (sql, binds, sqlState) in cases {
                do {
                    _ = try await driver.query(sql, binds)
                    Issue.record("\(sql) succeeded")
                } catch let error as PostgresDriverError {
                    #expect(error.kind == .server)
                    #expect(error.sqlState == sqlState, "\(sql): \(error)")
                    #expect(error.description.contains(sqlState))
                    #expect(!error.description.contains("AIzaSyTestKey"))
                    #expect(!error.description.contains(configuration.password ?? "\u{0}"))
                }
            }
            // The unique violation's DETAIL names the value; it is kept apart from the description.
            do {
                try await driver.execute("INSERT INTO u VALUES (?)", [.text("AIzaSyTestKey")])
            } catch let error as PostgresDriverError {
                #expect(error.detail?.contains("AIzaSyTestKey") == true)
            }
            // A wrong number of values is caught before the server.
            let usageError = await #expect(throws: PostgresDriverError.self) {
                try await driver.query("SELECT ?, ?", [.int(1)])
            }
            #expect(usageError?.kind == .usage)
            // After all that, the pool still works.
            #expect(try await driver.query("SELECT 1 AS one", []).first?["one"] == .int(1))
        }
    }

    @Test func commitsAndRollsBackTransactions() async throws {
        try await PostgresTestServer.withFreshSchema { driver, _ in
            try await driver.execute("CREATE TABLE t (n BIGINT)", [])

            let sum = try await driver.transaction { connection in
                try await connection.execute("INSERT INTO t VALUES (?)", [.int(1)])
                try await connection.execute("INSERT INTO t VALUES (?)", [.int(2)])
                return try await connection.query("SELECT SUM(n) AS s FROM t", []).first?["s"]
            }
            #expect(sum == .int(3))

            struct Abort: Error {}
            await #expect(throws: Abort.self) {
                try await driver.transaction { connection in
                    try await connection.execute("INSERT INTO t VALUES (?)", [.int(100)])
                    throw Abort()
                }
            }
            // A failed statement whose error the body swallowed: COMMIT becomes ROLLBACK.
            let abortedCommit = await #expect(throws: PostgresDriverError.self) {
                try await driver.transaction { connection in
                    try await connection.execute("INSERT INTO t VALUES (?)", [.int(200)])
                    _ = try? await connection.query("SELECT * FROM no_such_table", [])
                }
            }
            #expect(abortedCommit?.sqlState == "25P02")
            let rows = try await driver.query("SELECT n FROM t ORDER BY n", [])
            #expect(rows.map { $0["n"] } == [.int(1), .int(2)])
            // The connections went back to the pool clean: no transaction left open (an open
            // one would hold the transaction id of its INSERT).
            for _ in 0..<8 {
                let state = try await driver.query("SELECT pg_current_xact_id_if_assigned() IS NULL AS outside", [])
                #expect(state.first?["outside"] == .int(1))
            }
        }
    }

    @Test func runsFiftyStatementsInParallelThroughThePool() async throws {
        try await PostgresTestServer.withFreshSchema(poolSize: 8) { driver, _ in
            let start = ContinuousClock.now
            let results = try await withThrowingTaskGroup(of: (Int, SQLValue).self) { group in
                for index in 0..<50 {
                    group.addTask {
                        let rows = try await driver.query(
                            "SELECT CAST(? AS BIGINT) * 2 AS doubled FROM pg_sleep(0.1)", [.int(Int64(index))])
                        return (index, rows.first?["doubled"] ?? .null)
                    }
                }
                var results: [Int: SQLValue] = [:]
                for try await (index, value) in group {
                    results[index] = value
                }
                return results
            }
            let elapsed = ContinuousClock.now - start
            #expect(results.count == 50)
            #expect((0..<50).allSatisfy { results[$0] == .int(Int64($0 * 2)) })
            // 50 × 0.1 s one after another would be 5 s; 8 connections make it about 0.7 s.
            #expect(elapsed < .seconds(3), "took \(elapsed)")
            let sessions = try await driver.query(
                "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE application_name = 'gemgate' AND datname = current_database()", [])
            if case .int(let count)? = sessions.first?["n"] {
                #expect(count >= 2)
            }
        }
    }

    @Test func deliversNotificationsAcrossDrivers() async throws {
        try await PostgresTestServer.withFreshSchema { listener, configuration in
            try await PostgresTestServer.withDriver(configuration) { sender in
                let channel = PostgresTestServer.uniqueName("gg_notify")

                var events = try listener.listenEvents(channel: channel).makeAsyncIterator()
                #expect(await events.next() == .listening)

                let start = ContinuousClock.now
                try await sender.notify(channel: channel, payload: "settings changed 设置 🔔")
                #expect(await events.next() == .notification("settings changed 设置 🔔"))
                #expect(ContinuousClock.now - start < .seconds(2))

                // Sent inside a transaction: delivered at COMMIT, never after ROLLBACK.
                struct Abort: Error {}
                _ = try? await sender.transaction { connection in
                    _ = try await connection.query("SELECT pg_notify(?, ?)", [.text(channel), .text("rolled back")])
                    throw Abort()
                }
                try await sender.transaction { connection in
                    _ = try await connection.query("SELECT pg_notify(?, ?)", [.text(channel), .text("committed")])
                }
                #expect(await events.next() == .notification("committed"))

                // The payload-only stream, a second listener on the same channel. It does not
                // report when its LISTEN is in place, so keep sending until it hears one.
                let payloads = try sender.listen(channel: channel)
                let heard = await withTaskGroup(of: String?.self) { group in
                    group.addTask {
                        var iterator = payloads.makeAsyncIterator()
                        return await iterator.next()
                    }
                    group.addTask {
                        while !Task.isCancelled {
                            try? await listener.notify(channel: channel, payload: "both")
                            try? await Task.sleep(for: .milliseconds(100))
                        }
                        return nil
                    }
                    let first = await group.next() ?? nil
                    group.cancelAll()
                    return first
                }
                #expect(heard == "both")
                #expect(await events.next() == .notification("both"))
            }
        }
    }

    @Test func reconnectsALostListenSession() async throws {
        try await PostgresTestServer.withFreshSchema { listener, _ in
            let channel = PostgresTestServer.uniqueName("gg_reconnect")
            var events = try listener.listenEvents(channel: channel).makeAsyncIterator()
            #expect(await events.next() == .listening)
            // Kill the LISTEN session from the server side, as a restart or a proxy would.
            _ = try await listener.query(
                "SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity"
                    + " WHERE pid <> pg_backend_pid() AND query = ?", [.text(#"LISTEN "\#(channel)";"#)])
            #expect(await events.next() == .listening)
            try await listener.notify(channel: channel, payload: "after reconnect")
            #expect(await events.next() == .notification("after reconnect"))
        }
    }

    @Test func closingTheDriverEndsItsListenStreams() async throws {
        let configuration = try PostgresTestServer.configuration()
        let driver = try await PostgresBackend.makeDriver(configuration: configuration, logger: PostgresTestServer.logger)
        var events = try driver.listenEvents(channel: PostgresTestServer.uniqueName("gg_close")).makeAsyncIterator()
        #expect(await events.next() == .listening)
        await driver.close()
        #expect(await events.next() == nil)
        #expect(throws: PostgresDriverError.self) { try driver.listenEvents(channel: "Bad-Name") }
    }

    @Test(.enabled(if: PostgresTestServer.hasTLS, "needs a server with TLS (postgres-start.sh makes one)"))
    func tlsModesConnectOrRefuse() async throws {
        func usesTLS(_ mode: PostgresTLSMode, ca: String? = nil, host: String = "127.0.0.1") async throws -> Bool {
            var configuration = try PostgresTestServer.configuration(poolSize: 1)
            configuration.tlsMode = mode
            configuration.caCertificateFile = ca
            if case .tcp(_, let port) = configuration.endpoint {
                configuration.endpoint = .tcp(host: host, port: port)
            }
            return try await PostgresTestServer.withDriver(configuration) { driver in
                let rows = try await driver.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", [])
                return rows.first?["ssl"] == .int(1)
            }
        }
        let authority = PostgresTestServer.certificateAuthority
        #expect(try await usesTLS(.disable) == false)
        #expect(try await usesTLS(.prefer) == true)
        #expect(try await usesTLS(.require) == true)
        #expect(try await usesTLS(.verifyCA, ca: authority) == true)
        #expect(try await usesTLS(.verifyFull, ca: authority) == true)
        #expect(try await usesTLS(.verifyFull, ca: authority, host: "localhost") == true)

        // The test CA is in no system store: verifying against the system refuses the server.
        do {
            _ = try await usesTLS(.verifyFull)
            Issue.record("verified a certificate from an unknown CA")
        } catch let problem as LaunchProblem {
            #expect(problem.description.contains("Cannot open a TLS connection"), "\(problem)")
            #expect(problem.description.contains("POSTGRES_SSL_CA"))
        }
    }

    @Test func refusesAWrongPasswordWithAClearLine() async throws {
        var configuration = try PostgresTestServer.configuration()
        configuration.password = "definitely-wrong-password"
        do {
            let driver = try await PostgresBackend.makeDriver(configuration: configuration, logger: PostgresTestServer.logger)
            await driver.close()
            Issue.record("logged in with a wrong password")
        } catch let problem as LaunchProblem {
            #expect(problem.description.contains("refused the login"), "\(problem)")
            #expect(problem.description.contains("POSTGRES_PASSWORD"))
            #expect(!problem.description.contains("definitely-wrong-password"))
        }
        configuration = try PostgresTestServer.configuration()
        configuration.database = "no_such_database_here"
        do {
            let driver = try await PostgresBackend.makeDriver(configuration: configuration, logger: PostgresTestServer.logger)
            await driver.close()
            Issue.record("opened a database that does not exist")
        } catch let problem as LaunchProblem {
            #expect(problem.description.contains("CREATE DATABASE no_such_database_here"), "\(problem)")
        }
    }
}
