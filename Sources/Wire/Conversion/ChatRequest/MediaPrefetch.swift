import Foundation

/// Fetches every remote image of a request concurrently (a chat history re-sends all its images
/// on each turn), before the pure conversion runs.
///
/// One request may not make the gateway fetch without bound: at most `maxURLs` distinct URLs,
/// `concurrency` at a time, and at most `maxTotalBytes` in all (Gemini takes at most 20 MB of
/// inline data in one request, so more could never be sent anyway).
enum MediaPrefetch {
    /// At most this many fetches run at once per request.
    static let concurrency = 4
    /// Distinct remote URLs one request may reference.
    static let maxURLs = 32
    /// Bytes fetched for one request, all URLs together: Gemini's inline request limit.
    static let maxTotalBytes = 20 << 20

    static func fetchAll(
        _ targets: [(url: String, param: String)], using fetch: @escaping MediaFetcher
    ) async throws(ConversionError) -> [String: FetchedMedia] {
        guard !targets.isEmpty else { return [:] }
        guard targets.count <= maxURLs else {
            throw ConversionError(
                .mediaUnavailable,
                "messages: the request references \(targets.count) remote media URLs; Gemgate fetches at most \(maxURLs) "
                    + "per request. Send fewer images, or send them as data: URLs.",
                param: "messages")
        }
        let outcome: Result<[String: FetchedMedia], ConversionError> = await withTaskGroup(
            of: Result<(String, FetchedMedia), ConversionError>.self
        ) { group in
            var results: [String: FetchedMedia] = [:]
            var totalBytes = 0
            var next = 0
            func start() {
                let target = targets[next]
                next += 1
                group.addTask { await fetchOne(target, using: fetch) }
            }
            while next < min(concurrency, targets.count) { start() }
            while let result = await group.next() {
                switch result {
                case .success(let (url, media)):
                    totalBytes += media.byteCount
                    guard totalBytes <= maxTotalBytes else {
                        group.cancelAll()
                        return .failure(ConversionError(
                            .mediaUnavailable,
                            "messages: the remote media of this request add up to more than \(maxTotalBytes >> 20) MB, "
                                + "Gemini's limit for one request. Send fewer or smaller images, or send them as data: URLs.",
                            param: "messages"))
                    }
                    results[url] = media
                    if next < targets.count { start() }
                case .failure(let error):
                    group.cancelAll()
                    return .failure(error)
                }
            }
            return .success(results)
        }
        return try outcome.get()
    }

    private static func fetchOne(
        _ target: (url: String, param: String), using fetch: MediaFetcher
    ) async -> Result<(String, FetchedMedia), ConversionError> {
        guard let url = URL(string: target.url) else {
            return .failure(ConversionError(.mediaUnavailable, "\(target.param): '\(target.url)' is not a valid URL.", param: target.param))
        }
        do {
            let media = try await fetch(url)
            guard !media.base64Data.isEmpty else {
                return .failure(ConversionError(.mediaUnavailable, "\(target.param): \(target.url) returned no data.", param: target.param))
            }
            return .success((target.url, media))
        } catch let error as ConversionError {
            return .failure(ConversionError(.mediaUnavailable, "\(target.param): \(error.message)", param: target.param))
        } catch {
            let reason = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
            return .failure(
                ConversionError(.mediaUnavailable, "\(target.param): could not fetch \(target.url): \(reason)", param: target.param))
        }
    }
}

extension FetchedMedia {
    /// The decoded size, from the base64 length (4 characters for every 3 bytes).
    var byteCount: Int { base64Data.utf8.count / 4 * 3 }
}
