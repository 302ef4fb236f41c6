import Foundation

extension MySQLError: CustomStringConvertible {
    /// One line a person can act on. Connection failures name the variables to check, e.g.
    /// "Cannot reach MySQL at db.example.com:3306: Can't connect to server on 'db.example.com' (115).
    /// Check MYSQL_HOST and MYSQL_PORT, and that the server accepts connections from this machine."
    public var description: String {
        if operation == .connecting, let facts = connectionFacts {
            return connectionFailureDescription(facts)
        }
        var text = code == 0 ? "MySQL driver error" : "MySQL error \(code) (SQLSTATE \(sqlState))"
        text += " while \(operation.rawValue)"
        if let statement {
            text += " “\(statement)”"
        } else if operation != .usingDriver {
            text += " a statement"
        } else {
            text += " \(endpoint)"
        }
        return text + ": " + sentence(message)
    }

    private func connectionFailureDescription(_ facts: ConnectionFacts) -> String {
        let place = facts.usesSocket ? "through socket \(endpoint)" : "at \(endpoint)"
        let reason = sentence(message)
        let addressHint =
            facts.usesSocket
            ? "Check MYSQL_SOCKET, and that the server is running on this machine."
            : "Check MYSQL_HOST and MYSQL_PORT, and that the server accepts connections from this machine."
        switch code {
        case MySQLErrorCode.accessDenied:
            return "MySQL \(place) refused the login of user ‘\(facts.user)’: \(reason) Check MYSQL_USER and MYSQL_PASSWORD."
        case MySQLErrorCode.unknownDatabase, MySQLErrorCode.databaseAccessDenied:
            return
                "MySQL \(place) has no database ‘\(facts.database)’ that user ‘\(facts.user)’ may use: \(reason) Check MYSQL_DATABASE; the database must exist and the user needs rights on it."
        case MySQLErrorCode.tlsConnectionFailed:
            return "TLS with MySQL \(place) failed: \(reason) Check MYSQL_SSL and MYSQL_SSL_CA."
        case MySQLErrorCode.tooManyConnections:
            return "MySQL \(place) has too many connections: \(reason) Lower MYSQL_POOL_SIZE or raise the server's max_connections."
        case MySQLErrorCode.authPluginNotLoaded:
            return
                "Cannot log in to MySQL \(place): \(reason) The server asks for an authentication plugin that libmariadb could not load; keep libmariadb's plugin folder in the image."
        case let code where MySQLErrorCode.unreachable.contains(code):
            return "Cannot reach MySQL \(place): \(reason) \(addressHint)"
        default:
            let tlsHint = facts.usesTLS ? " Check MYSQL_SSL and MYSQL_SSL_CA too." : ""
            return "Cannot connect to MySQL \(place) as ‘\(facts.user)’: \(reason) \(addressHint)\(tlsHint)"
        }
    }

    /// The message with a full stop, so that a hint can follow it.
    private func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = trimmed.last else { return "(no message)." }
        return ".!?".contains(last) ? trimmed : trimmed + "."
    }
}
