import AsyncHTTPClient
import Foundation
import NIOCore

/// Closed-loop load: `connections` workers, each sending its next request as soon as the previous
/// answer is complete, for a fixed time. Latency is measured per request on the client.
struct LoadGenerator {
    struct Result {
        var requests: Int
        var failures: Int
        var seconds: Double
        var latenciesMs: [Double]

        var requestsPerSecond: Double { Double(requests) / seconds }
        func percentile(_ p: Double) -> Double {
            guard !latenciesMs.isEmpty else { return .nan }
            let sorted = latenciesMs.sorted()
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
    }

    let client: HTTPClient
    let makeRequest: @Sendable () -> HTTPClientRequest

    func run(connections: Int, seconds: Double) async -> Result {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        let started = ContinuousClock.now
        let partial = await withTaskGroup(of: Result.self) { group in
            for _ in 0..<connections {
                group.addTask { [client, makeRequest] in
                    var result = Result(requests: 0, failures: 0, seconds: 0, latenciesMs: [])
                    while ContinuousClock.now < deadline {
                        let begin = ContinuousClock.now
                        do {
                            let response = try await client.execute(makeRequest(), timeout: .seconds(30))
                            _ = try await response.body.collect(upTo: 16 << 20)
                            if response.status == .ok { result.requests += 1 } else { result.failures += 1 }
                        } catch {
                            result.failures += 1
                        }
                        result.latenciesMs.append(Double((ContinuousClock.now - begin) / .microseconds(1)) / 1000)
                    }
                    return result
                }
            }
            var total = Result(requests: 0, failures: 0, seconds: 0, latenciesMs: [])
            for await part in group {
                total.requests += part.requests
                total.failures += part.failures
                total.latenciesMs += part.latenciesMs
            }
            return total
        }
        var result = partial
        result.seconds = Double((ContinuousClock.now - started) / .milliseconds(1)) / 1000
        return result
    }
}
