import CMariaDB
import Foundation

extension MySQLError {
    /// The error stored in a connection handle by its last failed call.
    static func from(
        _ handle: UnsafeMutablePointer<MYSQL>, operation: Operation, endpoint: String, statement: String? = nil
    ) -> MySQLError {
        MySQLError(
            operation: operation,
            code: Int(mysql_errno(handle)),
            sqlState: mysql_sqlstate(handle).map { String(cString: $0) } ?? "",
            message: mysql_error(handle).map { String(cString: $0) } ?? "",
            endpoint: endpoint,
            statement: statement)
    }

    /// The error stored in a statement handle by its last failed call.
    static func from(
        _ statement: UnsafeMutablePointer<MYSQL_STMT>, operation: Operation, endpoint: String, sql: String
    ) -> MySQLError {
        MySQLError(
            operation: operation,
            code: Int(mysql_stmt_errno(statement)),
            sqlState: mysql_stmt_sqlstate(statement).map { String(cString: $0) } ?? "",
            message: mysql_stmt_error(statement).map { String(cString: $0) } ?? "",
            endpoint: endpoint,
            statement: sql)
    }

    /// Adds what the connection was for, so the description can name the variables to check.
    /// Servers do not echo passwords, but the message is scrubbed anyway: it ends up in logs.
    func withConnectionFacts(_ facts: ConnectionFacts, hiding password: String) -> MySQLError {
        var message = self.message
        if password.count >= 4 {
            message = message.replacingOccurrences(of: password, with: "<password>")
        }
        return MySQLError(
            operation: operation, code: code, sqlState: sqlState, message: message, endpoint: endpoint,
            statement: statement, connectionFacts: facts)
    }
}
