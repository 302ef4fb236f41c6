// swift-tools-version:6.2
import PackageDescription

// Gemgate: a Gemini API gateway. The core (`Gateway`) defines the `Storage` and `BalanceStrategy`
// protocols; everything that implements them lives in its own target, and only `Launcher` wires
// concrete implementations together (see ARCHITECTURE.md).
let package = Package(
    name: "gemgate",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gemgate", targets: ["gemgate"]),
        .executable(name: "fake-gemini", targets: ["FakeGeminiServer"]),
        .executable(name: "gemgate-bench", targets: ["GemgateBench"]),
        .executable(name: "panel-bench", targets: ["PanelBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-async-algorithms", from: "1.1.4"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.9.0"..<"6.0.0"),
        // Deque for the log buffer (already built for swift-nio, which depends on it).
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.1.0"),
    ],
    targets: [
        // Wire formats (Gemini native, OpenAI) and the conversions between them: pure values and
        // functions, no I/O, so they are tested without a server.
        .target(name: "Wire"),
        // The core: configuration, key pool, classifier, upstream client, routes, panel.
        .target(
            name: "Gateway",
            dependencies: [
                "Wire",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // SHA-256 for the admin sessions kept in a shared database (already built for postgres-nio).
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),
        // Balance strategies: round-robin, least-errors, weighted.
        .target(name: "Strategies", dependencies: ["Gateway"]),
        // The SQL layer shared by the three storage backends: driver protocol, dialects,
        // migrations and every query, written once.
        .target(
            name: "StorageSQL",
            dependencies: ["Gateway", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "StorageSQLite",
            dependencies: ["StorageSQL", "Gateway", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .systemLibrary(
            name: "CMariaDB",
            pkgConfig: "libmariadb",
            providers: [.apt(["libmariadb-dev"])]
        ),
        .target(
            name: "StorageMySQL",
            dependencies: [
                "StorageSQL", "Gateway", "CMariaDB",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "StoragePostgres",
            dependencies: [
                "StorageSQL", "Gateway",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Wires the implementations chosen by DATABASE_TYPE and BALANCE_STRATEGY; the CLI commands.
        .target(
            name: "Launcher",
            dependencies: [
                "Gateway", "Strategies", "StorageSQL", "StorageSQLite", "StorageMySQL", "StoragePostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "gemgate", dependencies: ["Launcher"]),
        // A fake Gemini upstream with scripted per-key behaviour, for tests and benchmarks.
        .target(
            name: "FakeGemini",
            dependencies: [
                "Wire",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "FakeGeminiServer",
            dependencies: [
                "FakeGemini",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "GemgateBench",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The admin panel at scale (10,000 keys, 1,000,000 log rows in SQLite): prints timings.
        .executableTarget(
            name: "PanelBench",
            dependencies: [
                "Gateway", "Strategies", "StorageSQL", "StorageSQLite", "Wire",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "WireTests", dependencies: ["Wire"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GatewayTests", dependencies: ["Gateway", "Wire"]),
        .testTarget(
            name: "FakeGeminiTests",
            dependencies: [
                "FakeGemini",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(name: "StrategiesTests", dependencies: ["Strategies", "Gateway"]),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "StorageSQL", "StorageSQLite", "StorageMySQL", "StoragePostgres", "Gateway", "Launcher",
                // The SQLite-only tests drive a second, plain GRDB connection (gemini-balance's role).
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "Gateway", "Wire", "Strategies", "StorageSQL", "StorageSQLite", "Launcher", "FakeGemini",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ]
)
