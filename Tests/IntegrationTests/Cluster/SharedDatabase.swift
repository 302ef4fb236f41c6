import Foundation
import Gateway
import Launcher
import Logging
import StorageSQL
import Testing

/// A server database several in-process gateways share, fresh per test: a schema on the
/// PostgreSQL test server (`GEMGATE_TEST_POSTGRES_URL`) or a database on the MariaDB one
/// (`GEMGATE_TEST_MYSQL_URL`). Without the variable the backend is not listed.
enum SharedDatabase: String, Sendable, CustomStringConvertible, CaseIterable {
    case postgres
    case mysql

    var description: String { rawValue }

    static var available: [SharedDatabase] {
        allCases.filter { $0.serverURL != nil }
    }

    var serverURL: String? {
        let name = self == .postgres ? "GEMGATE_TEST_POSTGRES_URL" : "GEMGATE_TEST_MYSQL_URL"
        guard let url = ProcessInfo.processInfo.environment[name], !url.isEmpty else { return nil }
        return url
    }

    static let quiet = Logger(label: "gemgate.cluster-tests") { _ in SwiftLogNoOpLogHandler() }

    /// The launch variables of a fresh database, and how to drop it afterwards.
    func makeFresh() async throws -> (variables: [String: String], dispose: @Sendable () async -> Void) {
        let url = try #require(serverURL)
        let name = "gemgate_it_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        switch self {
        case .postgres:
            let base = ["DATABASE_TYPE": "postgres", "DATABASE_URL": url, "POSTGRES_POOL_SIZE": "4"]
            try await Self.administer(base) { "CREATE SCHEMA \"\(name)\"" }
            var variables = base
            variables["DATABASE_URL"] = url + (url.contains("?") ? "&" : "?") + "schema=\(name)"
            return (variables, { try? await Self.administer(base) { "DROP SCHEMA IF EXISTS \"\(name)\" CASCADE" } })
        case .mysql:
            let parts = try #require(URLComponents(string: url))
            let base = [
                "DATABASE_TYPE": "mysql", "MYSQL_HOST": parts.host ?? "127.0.0.1", "MYSQL_PORT": String(parts.port ?? 3306),
                "MYSQL_USER": parts.user ?? "", "MYSQL_PASSWORD": parts.password ?? "",
                "MYSQL_DATABASE": String(parts.path.dropFirst()), "MYSQL_POOL_SIZE": "4",
            ]
            try await Self.administer(base) { "CREATE DATABASE `\(name)` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" }
            var variables = base
            variables["MYSQL_DATABASE"] = name
            return (variables, { try? await Self.administer(base) { "DROP DATABASE IF EXISTS `\(name)`" } })
        }
    }

    private static func administer(_ variables: [String: String], _ statement: () -> String) async throws {
        let storage = try await StorageFactory.open(try LaunchEnvironment(variables), logger: quiet)
        let sql = statement()
        do {
            try await (storage as! SQLStorage).driver.execute(sql, [])
        } catch {
            await storage.shutdown()
            throw error
        }
        await storage.shutdown()
    }
}
