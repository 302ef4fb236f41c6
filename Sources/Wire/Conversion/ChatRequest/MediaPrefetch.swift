import Foundation

/// Fetches every remote image of a request concurrently (a chat history re-sends all its images
/// on each turn), before the pure conversion runs.
enum MediaPrefetch {
    /// At most this many fetches run at once per request.
    static let concurrency = 4

    static func fetchAll(
        _ targets: [(url: String, param: String)], using fetch: @escaping MediaFetcher
    ) async throws(ConversionError) -> [String: FetchedMedia] {
        guard !targets.isEmpty else { return [:] }
        let outcome: Result<[String: FetchedMedia], ConversionError> = await withTaskGroup(
            of: Result<(String, FetchedMedia), ConversionError>.self
        ) { group in
            var results: [String: FetchedMedia] = [:]
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
