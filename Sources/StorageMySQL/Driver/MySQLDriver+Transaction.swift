import StorageSQL

extension MySQLDriver {
    /// Runs `body` on one connection between START TRANSACTION and COMMIT; ROLLBACK if it throws.
    ///
    /// The connection is held for the whole body. Statements inside are never retried: after a
    /// lost connection the server has already rolled the transaction back, so the error reaches
    /// the caller. Only the START itself is retried on a new connection, as nothing has run yet.
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        let connection = try await begin()
        let scope = MySQLTransactionConnection(connection: connection, threads: threads, endpoint: configuration.endpoint)
        let result: T
        do {
            result = try await body(scope)
        } catch {
            scope.end()
            await rollBack(connection)
            throw error
        }
        scope.end()

        do {
            _ = try await threads.run(on: connection) { try $0.runText("COMMIT", operation: .transaction) }
        } catch let error as MySQLError where error.leavesConnectionUnusable {
            // Whether the commit happened is unknown; the caller must treat it as failed.
            await pool.discard(connection, after: error)
            throw error
        } catch {
            await rollBack(connection)
            throw error
        }
        await pool.release(connection)
        return result
    }

    private func begin() async throws -> PooledConnection {
        let connection = try await pool.acquire()
        do {
            try await start(on: connection)
            return connection
        } catch let error as MySQLError where error.isConnectionLost {
            logger.warning(
                "MySQL connection lost at the start of a transaction; starting it on a new connection",
                metadata: ["mysql.error": "\(error.code)"])
            let fresh = try await pool.replace(connection, after: error)
            do {
                try await start(on: fresh)
                return fresh
            } catch let error as MySQLError where error.leavesConnectionUnusable {
                await pool.discard(fresh, after: error)
                throw error
            } catch {
                await pool.release(fresh)
                throw error
            }
        } catch let error as MySQLError where error.leavesConnectionUnusable {
            await pool.discard(connection, after: error)
            throw error
        } catch {
            await pool.release(connection)
            throw error
        }
    }

    private func start(on connection: PooledConnection) async throws {
        _ = try await threads.run(on: connection) { try $0.runText("START TRANSACTION", operation: .transaction) }
    }

    /// Rolls back and returns the connection, or drops it if the rollback failed.
    private func rollBack(_ connection: PooledConnection) async {
        do {
            _ = try await threads.run(on: connection) { try $0.runText("ROLLBACK", operation: .transaction) }
            await pool.release(connection)
        } catch let error as MySQLError {
            await pool.discard(connection, after: error)
        } catch {
            await pool.discard(
                connection, after: .driver("The rollback could not run: \(error)", operation: .transaction, endpoint: configuration.endpoint))
        }
    }
}
