import Foundation
import Logging
import StorageSQL
import Synchronization
import Testing

@testable import StorageMySQL

// MARK: - Without a server

@Suite("MySQL configuration")
struct MySQLConfigurationTests {
    private let complete = [
        "MYSQL_HOST": "db.example.com", "MYSQL_PORT": "3307", "MYSQL_USER": "gemgate",
        "MYSQL_PASSWORD": "s3cret pass", "MYSQL_DATABASE": "gemgate",
    ]

    @Test func readsGeminiBalanceVariables() throws {
        let configuration = try MySQLConfiguration(environment: complete)
        #expect(configuration.host == "db.example.com")
        #expect(configuration.port == 3307)
        #expect(configuration.user == "gemgate")
        #expect(configuration.password == "s3cret pass")
        #expect(configuration.database == "gemgate")
        #expect(configuration.socketPath == nil)
        #expect(configuration.tls == .off)
        #expect(configuration.poolSize == 4)
    }

    @Test func portDefaultsTo3306AndPasswordMayBeEmpty() throws {
        var environment = complete
        environment["MYSQL_PORT"] = nil
        environment["MYSQL_PASSWORD"] = nil
        let configuration = try MySQLConfiguration(environment: environment)
        #expect(configuration.port == 3306)
        #expect(configuration.password == "")
    }

    @Test(arguments: ["MYSQL_HOST", "MYSQL_USER", "MYSQL_DATABASE"])
    func missingValueNamesItsVariable(_ variable: String) {
        var environment = complete
        environment[variable] = "  "
        #expect {
            _ = try MySQLConfiguration(environment: environment)
        } throws: { error in
            guard let error = error as? MySQLConfigurationError else { return false }
            return error.variable == variable && error.description.contains(variable)
        }
    }

    @Test func socketMakesTheHostOptional() throws {
        var environment = complete
        environment["MYSQL_HOST"] = nil
        environment["MYSQL_SOCKET"] = "/run/mysqld/mysqld.sock"
        let configuration = try MySQLConfiguration(environment: environment)
        #expect(configuration.socketPath == "/run/mysqld/mysqld.sock")
        #expect(configuration.description == "mysql gemgate@gemgate via socket /run/mysqld/mysqld.sock")
    }

    @Test(arguments: ["0", "70000", "abc"])
    func rejectsABadPort(_ port: String) {
        var environment = complete
        environment["MYSQL_PORT"] = port
        #expect(throws: MySQLConfigurationError.self) { try MySQLConfiguration(environment: environment) }
    }

    @Test func readsTLSModes() throws {
        var environment = complete
        environment["MYSQL_SSL"] = "required"
        #expect(try MySQLConfiguration(environment: environment).tls == .required)
        environment["MYSQL_SSL"] = "VERIFY"
        #expect(try MySQLConfiguration(environment: environment).tls == .verify(caFile: nil))
        environment["MYSQL_SSL"] = "off"
        #expect(try MySQLConfiguration(environment: environment).tls == .off)
        environment["MYSQL_SSL"] = "sometimes"
        #expect {
            _ = try MySQLConfiguration(environment: environment)
        } throws: { ($0 as? MySQLConfigurationError)?.variable == "MYSQL_SSL" }
    }

    @Test func aCAFileMeansVerifyAndMustExist() throws {
        let caFile = FileManager.default.temporaryDirectory.appendingPathComponent("gemgate-test-ca-\(UUID()).pem").path
        try "not really a certificate".write(toFile: caFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: caFile) }

        var environment = complete
        environment["MYSQL_SSL_CA"] = caFile
        #expect(try MySQLConfiguration(environment: environment).tls == .verify(caFile: caFile))

        environment["MYSQL_SSL_CA"] = "/nonexistent/ca.pem"
        #expect {
            _ = try MySQLConfiguration(environment: environment)
        } throws: { ($0 as? MySQLConfigurationError)?.variable == "MYSQL_SSL_CA" }

        environment["MYSQL_SSL_CA"] = caFile
        environment["MYSQL_SSL"] = "off"
        #expect(throws: MySQLConfigurationError.self) { try MySQLConfiguration(environment: environment) }
    }

    @Test func neverShowsThePassword() throws {
        var configuration = try MySQLConfiguration(environment: complete)
        configuration.tls = .required
        #expect(configuration.description == "mysql gemgate@db.example.com:3307/gemgate (TLS)")
        #expect(configuration.location == "gemgate@db.example.com:3307/gemgate (TLS)")
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [configuration.description, "\(configuration)", String(reflecting: configuration), dumped] {
            #expect(!text.contains("s3cret"))
        }
    }

    @Test func readsAURL() throws {
        let configuration = try MySQLConfiguration(url: "mysql://app%40x:p%40ss%3Aw%2Frd@db.example.com:3310/gemgate?ssl=required&pool=8")
        #expect(configuration.user == "app@x")
        #expect(configuration.password == "p@ss:w/rd")
        #expect(configuration.host == "db.example.com")
        #expect(configuration.port == 3310)
        #expect(configuration.database == "gemgate")
        #expect(configuration.tls == .required)
        #expect(configuration.poolSize == 8)
        #expect(throws: MySQLConfigurationError.self) { try MySQLConfiguration(url: "postgres://u:p@h/db") }
        #expect(throws: MySQLConfigurationError.self) { try MySQLConfiguration(url: "mysql://u:p@h:3306/") }
    }

    @Test func anUnreachableServerIsReportedInOneLine() async throws {
        // Port 1 on loopback: nothing listens, so the connection is refused at once.
        let configuration = MySQLConfiguration(host: "127.0.0.1", port: 1, user: "gemgate", password: "pw-never-shown", database: "gemgate")
        let error = await #expect(throws: MySQLError.self) {
            _ = try await MySQLBackend.makeDriver(configuration: configuration, logger: MySQLTestServer.logger)
        }
        let description = error?.description ?? ""
        #expect(error?.operation == .connecting)
        #expect(description.hasPrefix("Cannot reach MySQL at 127.0.0.1:1: "))
        #expect(description.hasSuffix("Check MYSQL_HOST and MYSQL_PORT, and that the server accepts connections from this machine."))
        #expect(!description.contains("\n"))
        #expect(!description.contains("pw-never-shown"))
    }
}

@Suite("MySQL value mapping and retry rules")
struct MySQLDriverUnitTests {
    @Test func onlyReadsAndUnsentStatementsAreRetried() {
        let lostWhilePreparing = MySQLError(operation: .preparing, code: 2013, sqlState: "HY000", message: "Lost connection", endpoint: "h:1")
        let lostWhileExecuting = MySQLError(operation: .executing, code: 2013, sqlState: "HY000", message: "Lost connection", endpoint: "h:1")
        let duplicate = MySQLError(operation: .executing, code: 1062, sqlState: "23000", message: "Duplicate", endpoint: "h:1")
        #expect(RetryPolicy.mayRetry("INSERT INTO t VALUES (?)", after: lostWhilePreparing))
        #expect(!RetryPolicy.mayRetry("INSERT INTO t VALUES (?)", after: lostWhileExecuting))
        #expect(RetryPolicy.mayRetry("  select * from t", after: lostWhileExecuting))
        #expect(RetryPolicy.mayRetry("(SELECT 1) UNION (SELECT 2)", after: lostWhileExecuting))
        #expect(!RetryPolicy.mayRetry("SELECT 1", after: duplicate))
    }

    @Test func decimalsBecomeNumbers() {
        #expect(ResultBuffers.number(fromDecimal: "42", wholeNumbers: true) == .int(42))
        #expect(ResultBuffers.number(fromDecimal: "-7", wholeNumbers: true) == .int(-7))
        #expect(ResultBuffers.number(fromDecimal: "12.50", wholeNumbers: false) == .double(12.5))
        #expect(ResultBuffers.number(fromDecimal: "123456789012345678901234567890", wholeNumbers: true) == .text("123456789012345678901234567890"))
    }

    @Test func errorsDescribeThemselves() {
        let error = MySQLError(
            operation: .executing, code: 1062, sqlState: "23000", message: "Duplicate entry 'a' for key 'name'",
            endpoint: "h:1", statement: "INSERT INTO t (name)\n   VALUES (?)")
        #expect(error.description == "MySQL error 1062 (SQLSTATE 23000) while executing “INSERT INTO t (name) VALUES (?)”: Duplicate entry 'a' for key 'name'.")
        #expect(error.isDuplicateKey)
    }
}

// MARK: - Against a server

@Suite("MySQL driver", .enabled(if: MySQLTestServer.isAvailable, "set GEMGATE_TEST_MYSQL_URL (scripts/db/mariadb-start.sh)"))
struct MySQLDriverTests {
    // MARK: Values

    @Test func valuesRoundTripThroughEveryColumnType() async throws {
        try await MySQLTestServer.withFreshDatabase { driver in
            try await driver.execute(
                """
                CREATE TABLE samples (
                  id BIGINT AUTO_INCREMENT PRIMARY KEY,
                  label VARCHAR(100), body LONGTEXT, number BIGINT, unsigned_number BIGINT UNSIGNED,
                  ratio DOUBLE, bytes BLOB, happened DATETIME, happened_precisely DATETIME(6),
                  on_date DATE, document JSON, amount DECIMAL(10,2), flag BOOL)
                """, [])
            let label = "你好，世界 😀🀄"
            let body = String(repeating: "汉字abc😀", count: 8_000)  // 104 000 bytes
            let bytes: [UInt8] = [0x00, 0xFF, 0x00, 0x7F, 0x80, 0x01]
            let document = #"{"说明": "中文 😀"}"#
            let insert = """
                INSERT INTO samples (label, body, number, unsigned_number, ratio, bytes, happened,
                  happened_precisely, on_date, document, amount, flag)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
            let first = try await driver.execute(insert, [
                .text(label), .text(body), .int(.max), .text("18446744073709551615"), .double(3.141592653589793),
                .blob(bytes), .text("2026-11-27 18:53:21"), .text("2026-11-27 18:53:21.982503"), .text("2026-02-28"),
                .text(document), .text("12.50"), .int(1),
            ])
            #expect(first == SQLExecution(affectedRows: 1, lastInsertID: 1))
            let second = try await driver.execute(insert, [
                .null, .null, .int(.min), .null, .null, .null, .null, .null, .null, .null, .null, .int(0),
            ])
            #expect(second == SQLExecution(affectedRows: 1, lastInsertID: 2))

            let rows = try await driver.query("SELECT * FROM samples ORDER BY id", [])
            #expect(rows.count == 2)
            #expect(rows[0].columns == [
                "id", "label", "body", "number", "unsigned_number", "ratio", "bytes", "happened", "happened_precisely",
                "on_date", "document", "amount", "flag",
            ])
            #expect(rows[0]["label"] == .text(label))
            #expect(rows[0]["body"] == .text(body))
            #expect(rows[0]["number"] == .int(.max))
            #expect(rows[0]["unsigned_number"] == .text("18446744073709551615"))
            #expect(rows[0]["ratio"] == .double(3.141592653589793))
            #expect(rows[0]["bytes"] == .blob(bytes))
            #expect(rows[0]["happened"] == .text("2026-11-27 18:53:21"))
            #expect(rows[0]["happened_precisely"] == .text("2026-11-27 18:53:21.982503"))
            #expect(rows[0]["on_date"] == .text("2026-02-28"))
            #expect(rows[0]["document"] == .text(document))
            #expect(rows[0]["amount"] == .double(12.5))
            #expect(rows[0]["flag"] == .int(1))

            // NULL in every type.
            #expect(rows[1]["number"] == .int(.min))
            for column in rows[1].columns where !["id", "number", "flag"].contains(column) {
                #expect(rows[1][column] == .null, "column \(column)")
            }

            // Chinese binds in comparisons.
            let equal = try await driver.query("SELECT id FROM samples WHERE label = ?", [.text(label)])
            #expect(equal.map { $0["id"] } == [.int(1)])
            let like = try await driver.query("SELECT id FROM samples WHERE label LIKE CONCAT('%', ?, '%')", [.text("世界")])
            #expect(like.map { $0["id"] } == [.int(1)])
        }
    }

    @Test func emptyValuesStayEmptyNotNull() async throws {
        try await MySQLTestServer.withFreshDatabase { driver in
            let rows = try await driver.query("SELECT ? AS t, ? AS b, NULL AS n", [.text(""), .blob([])])
            #expect(rows.first?["t"] == .text(""))
            #expect(rows.first?["b"] == .blob([]))
            #expect(rows.first?["n"] == .null)
        }
    }

    @Test func columnNamesAreLowerCased() async throws {
        try await MySQLTestServer.withFreshDatabase { driver in
            let rows = try await driver.query("SELECT 1 AS MixedCase, 'x' AS UPPER", [])
            #expect(rows.first?.columns == ["mixedcase", "upper"])
        }
    }

    @Test func timesReadAsText() async throws {
        try await MySQLTestServer.withFreshDatabase { driver in
            let rows = try await driver.query(
                """
                SELECT CAST('2026-01-02' AS DATE) AS d, CAST('30:00:05' AS TIME) AS long_time,
                  CAST('-01:02:03.5' AS TIME(1)) AS negative_time,
                  CAST('2026-01-02 03:04:05.123456' AS DATETIME(6)) AS dt6,
                  CAST('2026-01-02 03:04:05.5' AS DATETIME(3)) AS dt3,
                  CAST('2026-01-02 03:04:05' AS DATETIME) AS dt0
                """, [])
            let row = try #require(rows.first)
            #expect(row["d"] == .text("2026-01-02"))
            #expect(row["long_time"] == .text("30:00:05"))
            #expect(row["negative_time"] == .text("-01:02:03.5"))
            #expect(row["dt6"] == .text("2026-01-02 03:04:05.123456"))
            #expect(row["dt3"] == .text("2026-01-02 03:04:05.500"))
            #expect(row["dt0"] == .text("2026-01-02 03:04:05"))

            try await driver.execute("CREATE TABLE stamps (at TIMESTAMP(6) NULL)", [])
            try await driver.execute("INSERT INTO stamps VALUES (?)", [.text("2026-01-02 03:04:05.000001")])
            #expect(try await driver.query("SELECT at FROM stamps", []).first?["at"] == .text("2026-01-02 03:04:05.000001"))
        }
    }

    @Test func aggregatesAreNumbers() async throws {
        try await MySQLTestServer.withFreshDatabase { driver in
            try await driver.execute("CREATE TABLE n (v INT)", [])
            try await driver.execute("INSERT INTO n VALUES (?), (?)", [.int(1), .int(2)])
            let row = try #require(
                try await driver.query("SELECT COUNT(*) AS c, SUM(v) AS s, AVG(v) AS a, MAX(v) AS m, 1.5 AS literal FROM n", []).first)
            #expect(row["c"] == .int(2))
            #expect(row["s"] == .int(3))
            #expect(row["a"] == .double(1.5))
            #expect(row["m"] == .int(2))
            #expect(row["literal"] == .double(1.5))
        }
    }

    @Test func updatesReportMatchedRowsAndNoInsertID() async throws {
        try await MySQLTestServer.withFreshDatabase { driver in
            try await driver.execute("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, v INT)", [])
            try await driver.execute("INSERT INTO t (v) VALUES (?), (?)", [.int(1), .int(1)])
            // Unchanged rows still count, as in SQLite and PostgreSQL.
            let update = try await driver.execute("UPDATE t SET v = ? WHERE v = ?", [.int(1), .int(1)])
            #expect(update == SQLExecution(affectedRows: 2, lastInsertID: nil))
            let delete = try await driver.execute("DELETE FROM t WHERE id = ?", [.int(1)])
            #expect(delete.affectedRows == 1)
        }
    }

    @Test func truncatedValuesAreReadAgainInFull() async throws {
        try await MySQLTestServer.withFreshDatabase { driver in
            try await driver.execute("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, v TEXT, b BLOB)", [])
            let values = ["a", "十个汉字十个汉字十个", String(repeating: "😀", count: 100), "xy", ""]
            for (index, value) in values.enumerated() {
                try await driver.execute("INSERT INTO t (v, b) VALUES (?, ?)", [.text(value), .blob(Array(repeating: UInt8(index), count: index * 7))])
            }
            // Buffers that start at 3 bytes force the MYSQL_DATA_TRUNCATED path on most rows.
            let connection = try NativeConnection.open(driver.configuration)
            defer { connection.close() }
            let tight = try connection.run("SELECT v, b FROM t ORDER BY id", [], readingRows: true, initialBufferLimit: 3)
            let roomy = try connection.run("SELECT v, b FROM t ORDER BY id", [], readingRows: true)
            #expect(tight.rows.map { $0["v"] } == values.map(SQLValue.text))
            #expect(tight.rows == roomy.rows)
        }
    }

    // MARK: Errors

    @Test func serverErrorsCarryTheirCodes() async throws {
        try await MySQLTestServer.withFreshDatabase(poolSize: 1) { driver in
            try await driver.execute("CREATE TABLE people (name VARCHAR(50) NOT NULL UNIQUE)", [])
            try await driver.execute("INSERT INTO people VALUES (?)", [.text("张三")])

            let duplicate = await #expect(throws: MySQLError.self) {
                try await driver.execute("INSERT INTO people VALUES (?)", [.text("张三")])
            }
            #expect(duplicate?.code == 1062)
            #expect(duplicate?.sqlState == "23000")
            #expect(duplicate?.isDuplicateKey == true)
            #expect(duplicate?.description.contains("MySQL error 1062 (SQLSTATE 23000) while executing “INSERT INTO people VALUES (?)”") == true)

            let missing = await #expect(throws: MySQLError.self) { try await driver.query("SELECT * FROM nowhere", []) }
            #expect(missing?.code == 1146)
            #expect(missing?.sqlState == "42S02")
            #expect(missing?.isMissingTable == true)

            let notNull = await #expect(throws: MySQLError.self) { try await driver.execute("INSERT INTO people VALUES (?)", [.null]) }
            #expect(notNull?.code == 1048)

            let tooLong = await #expect(throws: MySQLError.self) {
                try await driver.execute("INSERT INTO people VALUES (?)", [.text(String(repeating: "x", count: 51))])
            }
            #expect(tooLong?.code == 1406)  // strict mode: an error, not a silent cut

            let wrongCount = await #expect(throws: MySQLError.self) { try await driver.query("SELECT ?, ?", [.int(1)]) }
            #expect(wrongCount?.code == 0)
            #expect(wrongCount?.operation == .binding)

            // None of that cost the connection.
            #expect(try await driver.query("SELECT COUNT(*) AS c FROM people", []).first?["c"] == .int(1))
            let statistics = await driver.pool.statistics
            #expect(statistics.opened == 1)
            #expect(statistics.discarded == 0)
        }
    }

    @Test func aWrongPasswordOrDatabaseNamesTheVariables() async throws {
        var configuration = try MySQLTestServer.configuration()
        configuration.password = "definitely-wrong-pw"
        let login = await #expect(throws: MySQLError.self) {
            _ = try await MySQLBackend.makeDriver(configuration: configuration, logger: MySQLTestServer.logger)
        }
        #expect(login?.code == 1045)
        #expect(login?.description.contains("Check MYSQL_USER and MYSQL_PASSWORD.") == true)
        #expect(login?.description.contains("definitely-wrong-pw") == false)

        let unknown = await #expect(throws: MySQLError.self) {
            _ = try await MySQLBackend.makeDriver(
                configuration: MySQLTestServer.configuration(database: "gemgate_no_such_database"), logger: MySQLTestServer.logger)
        }
        #expect(unknown?.code == 1049)
        #expect(unknown?.description.contains("Check MYSQL_DATABASE") == true)
    }

    @Test func theServerCannotReadLocalFiles() async throws {
        try await MySQLTestServer.withFreshDatabase { driver in
            try await driver.execute("CREATE TABLE imported (line TEXT)", [])
            // LOAD DATA cannot be prepared, so this also takes the text-protocol path.
            let error = await #expect(throws: MySQLError.self) {
                try await driver.execute("LOAD DATA LOCAL INFILE '/etc/hostname' INTO TABLE imported", [])
            }
            // MariaDB 4166, MySQL 1148 or 3948, or the client's own refusal, 2068.
            #expect([1148, 2068, 3948, 4166].contains(error?.code ?? 0), "\(String(describing: error))")
            #expect(try await count(driver, "imported") == 0)
        }
    }

    // MARK: Transactions

    @Test func transactionsCommitAndRollBack() async throws {
        struct Abandon: Error {}
        try await MySQLTestServer.withFreshDatabase { driver in
            try await driver.execute("CREATE TABLE t (id INT PRIMARY KEY, v TEXT)", [])

            let returned = try await driver.transaction { connection in
                try await connection.execute("INSERT INTO t VALUES (?, ?)", [.int(1), .text("one")])
                try await connection.execute("INSERT INTO t VALUES (?, ?)", [.int(2), .text("two")])
                // Not visible outside the transaction before it commits.
                let outside = try await driver.query("SELECT COUNT(*) AS c FROM t", [])
                #expect(outside.first?["c"] == .int(0))
                return try await connection.query("SELECT COUNT(*) AS c FROM t", []).first?["c"]
            }
            #expect(returned == .int(2))
            #expect(try await count(driver, "t") == 2)

            await #expect(throws: Abandon.self) {
                try await driver.transaction { connection in
                    try await connection.execute("INSERT INTO t VALUES (?, ?)", [.int(3), .text("three")])
                    throw Abandon()
                }
            }
            #expect(try await count(driver, "t") == 2)

            let duplicate = await #expect(throws: MySQLError.self) {
                try await driver.transaction { connection in
                    try await connection.execute("INSERT INTO t VALUES (?, ?)", [.int(4), .text("four")])
                    try await connection.execute("INSERT INTO t VALUES (?, ?)", [.int(1), .text("again")])
                }
            }
            #expect(duplicate?.isDuplicateKey == true)
            #expect(try await count(driver, "t") == 2)
        }
    }

    @Test func aTransactionsConnectionRefusesUseAfterTheEnd() async throws {
        try await MySQLTestServer.withFreshDatabase { driver in
            let escaped = try await driver.transaction { connection in connection }
            let error = await #expect(throws: MySQLError.self) { try await escaped.query("SELECT 1", []) }
            #expect(error?.operation == .usingDriver)
        }
    }

    // MARK: Concurrency

    @Test func parallelInsertsThroughThePoolAllLand() async throws {
        try await MySQLTestServer.withFreshDatabase(poolSize: 4) { driver in
            try await driver.execute("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, worker INT, note VARCHAR(20))", [])
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<50 {
                    group.addTask {
                        try await driver.execute("INSERT INTO t (worker, note) VALUES (?, ?)", [.int(Int64(worker)), .text("第\(worker)个")])
                    }
                }
                for worker in 0..<20 {
                    group.addTask {
                        try await driver.transaction { connection in
                            try await connection.execute("INSERT INTO t (worker) VALUES (?)", [.int(Int64(100 + worker))])
                            try await connection.execute("INSERT INTO t (worker) VALUES (?)", [.int(Int64(200 + worker))])
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await count(driver, "t") == 90)
            let distinct = try await driver.query("SELECT COUNT(DISTINCT worker) AS c FROM t", [])
            #expect(distinct.first?["c"] == .int(90))
            let statistics = await driver.pool.statistics
            #expect(statistics.opened <= 4)
        }
    }

    @Test func blockingCallsLeaveSwiftsThreadsFree() async throws {
        try await MySQLTestServer.withFreshDatabase(poolSize: 4) { driver in
            let clock = ContinuousClock()
            let worstLag = Mutex(Duration.zero)
            let ticker = Task {
                while !Task.isCancelled {
                    let start = clock.now
                    try? await Task.sleep(for: .milliseconds(10))
                    let lag = clock.now - start - .milliseconds(10)
                    worstLag.withLock { $0 = max($0, lag) }
                }
            }
            let started = clock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask { _ = try await driver.query("SELECT SLEEP(0.6) AS s", []) }
                }
                try await group.waitForAll()
            }
            let elapsed = clock.now - started
            ticker.cancel()
            // 8 sleeps of 0.6 s on 4 connections: about 1.2 s. Had they blocked Swift's cooperative
            // threads, the 10 ms ticker would have stalled for at least 0.6 s.
            #expect(elapsed < .seconds(3))
            #expect(worstLag.withLock { $0 } < .milliseconds(250))
        }
    }

    @Test func aWaitingTaskCanBeCancelled() async throws {
        try await MySQLTestServer.withFreshDatabase(poolSize: 1) { driver in
            let clock = ContinuousClock()
            let holder = Task {
                try await driver.transaction { connection in
                    _ = try await connection.query("SELECT SLEEP(1)", [])
                }
            }
            try await Task.sleep(for: .milliseconds(150))
            let waiter = Task { try await driver.query("SELECT 1 AS one", []) }
            try await Task.sleep(for: .milliseconds(100))
            let cancelledAt = clock.now
            waiter.cancel()
            await #expect(throws: CancellationError.self) { _ = try await waiter.value }
            #expect(clock.now - cancelledAt < .milliseconds(500))
            try await holder.value
            #expect(try await driver.query("SELECT 1 AS one", []).first?["one"] == .int(1))
        }
    }

    // MARK: Lost connections

    @Test func aKilledIdleConnectionIsReplacedAndTheStatementRetried() async throws {
        try await MySQLTestServer.withFreshDatabase(poolSize: 1) { driver in
            try await driver.execute("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, v INT)", [])
            let before = try await connectionID(driver)
            try await kill(before)

            let insert = try await driver.execute("INSERT INTO t (v) VALUES (?)", [.int(7)])
            #expect(insert.affectedRows == 1)
            #expect(try await count(driver, "t") == 1)  // applied exactly once
            #expect(try await connectionID(driver) != before)
            let statistics = await driver.pool.statistics
            #expect(statistics.replacedAfterLoss == 1)
        }
    }

    /// The shared clock (`UNIX_TIMESTAMP(NOW(3))`) goes through the session's zone: in a zone
    /// with daylight saving it would jump an hour. Every connection, replacements included, runs
    /// in UTC instead, whatever the server's own zone.
    @Test func everyConnectionRunsInUTC() async throws {
        try await MySQLTestServer.withFreshDatabase(poolSize: 1) { driver in
            let zone = try await driver.query("SELECT @@session.time_zone AS tz", [])
            #expect(zone.first?["tz"] == .text("+00:00"))
            try await kill(try await connectionID(driver))
            let again = try await driver.query("SELECT @@session.time_zone AS tz", [])
            #expect(again.first?["tz"] == .text("+00:00"), "a replacement connection too")
        }
    }

    @Test func aConnectionClosedByTheServersIdleTimeoutIsReplaced() async throws {
        try await MySQLTestServer.withFreshDatabase(poolSize: 1) { driver in
            // What a hosted server's short wait_timeout does to a connection left idle.
            try await driver.execute("SET SESSION wait_timeout = 1", [])
            let before = try await connectionID(driver)
            try await Task.sleep(for: .milliseconds(2_500))
            #expect(try await connectionID(driver) != before)
            #expect(await driver.pool.statistics.replacedAfterLoss == 1)
        }
    }

    @Test func everyIdleConnectionLostAtOnceIsSurvived() async throws {
        // What a server restart does: all four pooled connections die while idle.
        try await MySQLTestServer.withFreshDatabase(poolSize: 4) { driver in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 { group.addTask { _ = try await driver.query("SELECT SLEEP(0.2)", []) } }
                try await group.waitForAll()
            }
            #expect(await driver.pool.statistics.opened == 4)
            try await MySQLTestServer.asAdministrator { admin in
                let ids = try await admin.query(
                    "SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = ?", [.text(driver.configuration.database)])
                #expect(ids.count == 4)
                for row in ids {
                    guard case .int(let id) = row["id"] else { continue }
                    try await admin.execute("KILL \(id)", [])
                }
            }
            try await Task.sleep(for: .milliseconds(100))

            let answers = try await withThrowingTaskGroup(of: SQLValue.self) { group in
                for index in 0..<8 {
                    group.addTask { try await driver.query("SELECT ? AS n", [.int(Int64(index))]).first?["n"] ?? .null }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(answers) == Set((0..<8).map { SQLValue.int(Int64($0)) }))
        }
    }

    @Test func anIdleConnectionIsPingedBeforeUse() async throws {
        try await MySQLTestServer.withFreshDatabase(poolSize: 1, configure: { $0.pingAfterIdle = .zero }) { driver in
            let before = try await connectionID(driver)
            try await kill(before)
            #expect(try await connectionID(driver) != before)
            let statistics = await driver.pool.statistics
            #expect(statistics.failedPings == 1)
            #expect(statistics.replacedAfterLoss == 0)
        }
    }

    @Test func aReadLostMidwayIsRetriedButAWriteIsNot() async throws {
        try await MySQLTestServer.withFreshDatabase(poolSize: 1) { driver in
            // A read killed while it runs is simply run again.
            let readerID = try await connectionID(driver)
            let read = Task { try await driver.query("SELECT SLEEP(1) AS s, 5 AS five", []) }
            try await Task.sleep(for: .milliseconds(300))
            try await kill(readerID)
            #expect(try await read.value.first?["five"] == .int(5))
            #expect(await driver.pool.statistics.replacedAfterLoss == 1)

            // A write killed while it runs may or may not have happened: the error is reported.
            let writerID = try await connectionID(driver)
            let clock = ContinuousClock()
            let started = clock.now
            let write = Task { try await driver.execute("DO SLEEP(3)", []) }
            try await Task.sleep(for: .milliseconds(300))
            try await kill(writerID)
            let error = await #expect(throws: MySQLError.self) { _ = try await write.value }
            #expect(error?.isConnectionLost == true)
            #expect(error?.statementMayHaveRun == true)
            #expect(clock.now - started < .seconds(2.5))

            // The next statement gets a new connection.
            #expect(try await connectionID(driver) != writerID)
        }
    }

    @Test func aConnectionLostInsideATransactionIsNotRetried() async throws {
        try await MySQLTestServer.withFreshDatabase(poolSize: 1) { driver in
            try await driver.execute("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, v INT)", [])
            let error = await #expect(throws: MySQLError.self) {
                try await driver.transaction { connection in
                    try await connection.execute("INSERT INTO t (v) VALUES (?)", [.int(1)])
                    let id = try await connection.query("SELECT CONNECTION_ID() AS id", []).first?["id"]
                    guard case .int(let number) = id else { return }
                    try await kill(number)
                    try await connection.execute("INSERT INTO t (v) VALUES (?)", [.int(2)])
                }
            }
            #expect(error?.isConnectionLost == true)
            #expect(try await count(driver, "t") == 0)
        }
    }

    // MARK: Connecting

    @Test func aClosedDriverRefusesWork() async throws {
        let driver = try await MySQLBackend.makeDriver(configuration: MySQLTestServer.configuration(), logger: MySQLTestServer.logger)
        await driver.close()
        let error = await #expect(throws: MySQLError.self) { try await driver.query("SELECT 1", []) }
        #expect(error?.description.contains("The MySQL connection pool is closed.") == true)
    }


    @Test func localhostWithoutASocketMeansTCP() async throws {
        var configuration = try MySQLTestServer.configuration()
        try #require(configuration.host == "127.0.0.1" || configuration.host == "localhost")
        configuration.host = "localhost"
        // libmariadb alone would try its default socket (/run/mysqld/mysqld.sock), absent here.
        let driver = try await MySQLBackend.makeDriver(configuration: configuration, logger: MySQLTestServer.logger)
        #expect(try await driver.query("SELECT 1 AS one", []).first?["one"] == .int(1))
        await driver.close()
    }

    @Test(.enabled(if: MySQLTestServer.socketPath != nil, "needs the start script's socket"))
    func connectsThroughAUnixSocket() async throws {
        var configuration = try MySQLTestServer.configuration()
        configuration.socketPath = MySQLTestServer.socketPath
        let driver = try await MySQLBackend.makeDriver(configuration: configuration, logger: MySQLTestServer.logger)
        let row = try await driver.query("SELECT @@socket AS socket, CURRENT_USER() AS who", []).first
        #expect(row?["who"] == .text("gemgate@localhost"))
        await driver.close()
    }

    @Test(.enabled(if: MySQLTestServer.hasTLS, "needs a server with TLS (mariadb-start.sh makes one)"))
    func tlsModesConnectOrRefuse() async throws {
        let base = try MySQLTestServer.configuration()

        var required = base
        required.tls = .required
        #expect(try await serverFacts(required).tlsCipher != nil)

        var verified = base
        verified.tls = .verify(caFile: MySQLTestServer.certificateAuthority)
        #expect(try await serverFacts(verified).tlsCipher != nil)

        verified.host = "localhost"  // the certificate names both 127.0.0.1 and localhost
        #expect(try await serverFacts(verified).tlsCipher != nil)

        var plain = base
        plain.tls = .off
        #expect(try await serverFacts(plain).tlsCipher == nil)

        // The test CA is in no system store, so verifying against the system fails.
        var untrusted = base
        untrusted.tls = .verify(caFile: nil)
        let error = await #expect(throws: MySQLError.self) { _ = try await serverFacts(untrusted) }
        #expect(error?.code == MySQLErrorCode.tlsConnectionFailed)
        #expect(error?.description.contains("Check MYSQL_SSL and MYSQL_SSL_CA.") == true)
    }

    // MARK: Helpers

    private func serverFacts(_ configuration: MySQLConfiguration) async throws -> ServerFacts {
        let driver = MySQLDriver(configuration: configuration, logger: MySQLTestServer.logger)
        do {
            let facts = try await driver.connect()
            await driver.close()
            return facts
        } catch {
            await driver.close()
            throw error
        }
    }
}

private func count(_ driver: MySQLDriver, _ table: String) async throws -> Int64 {
    guard case .int(let number) = try await driver.query("SELECT COUNT(*) AS c FROM \(table)", []).first?["c"] else {
        Issue.record("COUNT(*) returned no number")
        return -1
    }
    return number
}

private func connectionID(_ driver: MySQLDriver) async throws -> Int64 {
    guard case .int(let id) = try await driver.query("SELECT CONNECTION_ID() AS id", []).first?["id"] else {
        Issue.record("CONNECTION_ID() returned no number")
        return -1
    }
    return id
}

/// Kills a connection from another one, as a server restart or an idle timeout would.
private func kill(_ connectionID: Int64) async throws {
    try await MySQLTestServer.asAdministrator { admin in
        try await admin.execute("KILL \(connectionID)", [])
    }
    // The server closes the socket just after answering the KILL.
    try await Task.sleep(for: .milliseconds(100))
}
