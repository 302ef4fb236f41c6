import Foundation
import NIOCore
import NIOHTTP1
import Synchronization
import Wire

/// Google's model list, fetched with a pool key and kept for a while: every chat client asks for
/// it on start, and it changes rarely.
public final class ModelCatalog: Sendable {
    static let freshness: Duration = .seconds(600)
    /// The rate-limit scope of listing calls (not a real model).
    static let listingScope = "models.list"

    private struct Cached {
        var models: [JSONValue]
        var fetched: ContinuousClock.Instant
    }

    private let cache = Mutex<Cached?>(nil)
    private let dispatcher: Dispatcher

    public init(dispatcher: Dispatcher) {
        self.dispatcher = dispatcher
    }

    /// Every model Google lists (objects as Google writes them), from cache when fresh.
    public func models(tokenFingerprint: String?) async throws(GatewayError) -> [JSONValue] {
        if let cached = cache.withLock({ $0 }), ContinuousClock.now - cached.fetched < Self.freshness {
            return cached.models
        }
        var models: [JSONValue] = []
        var pageToken: String?
        repeat {
            var query: [(name: String, value: String)] = [("pageSize", "1000")]
            if let pageToken { query.append(("pageToken", pageToken)) }
            let call = UpstreamCall(
                request: UpstreamRequest(method: .GET, path: "models", query: query),
                model: Self.listingScope, tokenFingerprint: tokenFingerprint)
            let response = try await dispatcher.send(call)
            guard let body = try? await response.body.collect(upTo: 16 << 20),
                let page = JSONValue(parsing: body.readableBytesView)
            else {
                throw GatewayError(
                    status: 502, googleStatus: "UNAVAILABLE", openAIType: "server_error",
                    message: "Google's model list could not be read. Try again shortly.")
            }
            models += page["models"]?.arrayValue ?? []
            pageToken = page["nextPageToken"]?.stringValue
        } while pageToken != nil && models.count < 10_000
        cache.withLock { $0 = Cached(models: models, fetched: .now) }
        return models
    }

    /// Forgets the cached list (after settings that change it, such as BASE_URL).
    public func invalidate() {
        cache.withLock { $0 = nil }
    }
}

extension JSONValue {
    /// `models/gemini-2.5-flash` → `gemini-2.5-flash`.
    var modelID: String? {
        guard let name = self["name"]?.stringValue else { return nil }
        return name.hasPrefix("models/") ? String(name.dropFirst(7)) : name
    }
}
