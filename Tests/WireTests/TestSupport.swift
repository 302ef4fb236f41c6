import Foundation
import Testing
@testable import Wire

/// Shared helpers for the Wire tests.
enum Support {
    /// A fetcher for tests that must not fetch anything.
    static let noFetch: MediaFetcher = { url in
        Issue.record("unexpected fetch of \(url)")
        throw FetchRefused(url: url)
    }

    struct FetchRefused: Error, CustomStringConvertible {
        let url: URL
        var description: String { "fetching \(url) is refused" }
    }

    static let noSignatures: ThoughtSignatureLookup = { _ in nil }

    static func converter(
        _ settings: ChatConversionSettings = ChatConversionSettings(),
        fetch: @escaping MediaFetcher = noFetch,
        signatures: [String: String] = [:]
    ) -> ChatRequestConverter {
        ChatRequestConverter(settings: settings, fetchMedia: fetch, signature: { signatures[$0] })
    }

    static func convert(
        _ request: JSONValue,
        settings: ChatConversionSettings = ChatConversionSettings(),
        fetch: @escaping MediaFetcher = noFetch,
        signatures: [String: String] = [:]
    ) async throws -> ChatRequestPlan {
        try await converter(settings, fetch: fetch, signatures: signatures).convert(request)
    }

    /// The conversion error, or nil (and a recorded issue) if the request converted.
    static func conversionError(
        _ request: JSONValue,
        settings: ChatConversionSettings = ChatConversionSettings(),
        fetch: @escaping MediaFetcher = noFetch,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async -> ConversionError? {
        do {
            _ = try await converter(settings, fetch: fetch).convert(request)
            Issue.record("expected a conversion error", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    /// A minimal request around some messages.
    static func request(_ messages: [JSONValue], model: String = "gemini-2.5-flash", extra: [String: JSONValue] = [:]) -> JSONValue {
        var body: [String: JSONValue] = ["model": .string(model), "messages": .array(messages)]
        body.merge(extra) { _, new in new }
        return .object(body)
    }

    static func json(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> JSONValue {
        do {
            return try JSONValue.parse(text)
        } catch {
            Issue.record("bad test JSON: \(error)", sourceLocation: sourceLocation)
            return .null
        }
    }

    static func fixture(_ name: String) throws -> JSONValue {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try JSONValue.parse(Data(contentsOf: url))
    }

    /// Sequential ids for deterministic tool-call ids.
    final class Counter: Sendable {
        private let value = Mutex(0)
        func next() -> String {
            value.withLock { value in
                value += 1
                return "call_test\(value)"
            }
        }
    }
}

import Synchronization

extension JSONValue {
    /// The contents' parts of a converted body, for brevity in tests.
    var contents: [JSONValue] { self["contents"]?.arrayValue ?? [] }
}
