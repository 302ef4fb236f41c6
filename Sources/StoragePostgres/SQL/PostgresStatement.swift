import Logging
import PostgresNIO
import StorageSQL

/// Runs one statement on one connection: rewrites `?`, binds, collects the rows and the
/// command tag. Used by the pooled driver and inside transactions alike.
///
/// One statement per call: the extended query protocol refuses several (`42601 cannot insert
/// multiple commands into a prepared statement`), as MySQL's prepared statements do.
enum PostgresStatement {
    struct Outcome {
        var rows: [SQLRow]
        /// From the command tag (`INSERT 0 3`, `UPDATE 2`, `DELETE 5`, `SELECT 7`); 0 for
        /// commands that report no count (`CREATE TABLE`).
        var affectedRows: Int
        /// The tag's command word: `INSERT`, `COMMIT`, and `ROLLBACK` for a COMMIT that found
        /// the transaction already failed.
        var command: String
    }

    /// `decodingRows: false` skips reading the rows (for `execute`, which reports only the
    /// count), so a statement may return columns the driver does not map.
    static func run(
        _ sql: String,
        _ binds: [SQLValue],
        on connection: PostgresConnection,
        logger: Logger,
        decodingRows: Bool = true
    ) async throws -> Outcome {
        let (text, placeholders) = PostgresPlaceholders.rewrite(sql)
        guard placeholders == binds.count else {
            throw PostgresDriverError(
                kind: .usage,
                message: "the statement has \(placeholders) placeholder(s) but \(binds.count) value(s) were bound: \(sql.prefix(200))"
            )
        }
        let query = PostgresQuery(unsafeSQL: text, binds: PostgresBinds.make(binds))

        let result: PostgresQueryResult
        do {
            // The future-based call, because only it reports the command tag (affected rows);
            // `get()` suspends the task without blocking the event loop.
            let future: EventLoopFuture<PostgresQueryResult> = connection.query(query, logger: logger)
            result = try await future.get()
        } catch {
            throw PostgresDriverError.wrap(error)
        }
        return Outcome(
            rows: decodingRows ? try decode(result.rows) : [],
            affectedRows: result.metadata.rows ?? 0,
            command: result.metadata.command
        )
    }

    private static func decode(_ rows: [PostgresRow]) throws -> [SQLRow] {
        guard let first = rows.first else { return [] }
        let columns = first.map { $0.columnName.lowercased() }
        return try rows.map { row in
            SQLRow(columns: columns, values: try row.map(PostgresCellDecoder.value(of:)))
        }
    }
}
