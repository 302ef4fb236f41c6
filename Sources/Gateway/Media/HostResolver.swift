import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves a host name to every address it has, with the system resolver (`getaddrinfo`, so
/// `/etc/hosts` and odd numeric forms such as `2130706433` resolve as they would for any
/// program). `getaddrinfo` blocks, so it runs on a Dispatch worker thread, never on an event
/// loop or the concurrency pool; a resolver that hangs is abandoned after `timeout`.
enum HostResolver {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func resolve(_ host: String, timeout: Duration) async throws -> [IPAddress] {
        if let literal = IPAddress(text: host) { return [literal] }
        let outcome = OneShot<Result<[IPAddress], Failure>>()
        let timer = Task {
            try await Task.sleep(for: timeout)
            outcome.deliver(.failure(Failure(description: "resolving \(host) took longer than \(timeout)")))
        }
        defer { timer.cancel() }
        DispatchQueue.global(qos: .userInitiated).async {
            outcome.deliver(lookUp(host))
        }
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[IPAddress], any Error>) in
            outcome.install { result in continuation.resume(with: result.mapError { $0 as any Error }) }
        }
    }

    /// The blocking lookup.
    private static func lookUp(_ host: String) -> Result<[IPAddress], Failure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc) || canImport(Musl)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list else {
            let reason = String(cString: gai_strerror(status))
            return .failure(Failure(description: "\(host) could not be resolved (\(reason))"))
        }
        defer { freeaddrinfo(first) }
        var addresses: [IPAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let socketAddress = entry.pointee.ai_addr {
                switch entry.pointee.ai_family {
                case AF_INET:
                    let v4 = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
                    if let address = IPAddress(bytes: withUnsafeBytes(of: v4) { Array($0) }) { addresses.append(address) }
                case AF_INET6:
                    let v6 = socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
                    if let address = IPAddress(bytes: withUnsafeBytes(of: v6) { Array($0) }) { addresses.append(address) }
                default:
                    break
                }
            }
            cursor = entry.pointee.ai_next
        }
        var seen = Set<IPAddress>()
        let unique = addresses.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else { return .failure(Failure(description: "\(host) has no IPv4 or IPv6 address")) }
        return .success(unique)
    }
}

/// A value delivered once, by whichever of several racers comes first.
private final class OneShot<Value: Sendable>: Sendable {
    private struct State {
        var receiver: (@Sendable (Value) -> Void)?
        var early: Value?
        var done = false
    }

    private let state = Mutex(State())

    func install(_ receiver: @escaping @Sendable (Value) -> Void) {
        let early: Value? = state.withLock { state in
            if let value = state.early {
                state.early = nil
                return value
            }
            state.receiver = receiver
            return nil
        }
        if let early { receiver(early) }
    }

    func deliver(_ value: Value) {
        let receiver: (@Sendable (Value) -> Void)? = state.withLock { state in
            guard !state.done else { return nil }
            state.done = true
            guard let receiver = state.receiver else {
                state.early = value
                return nil
            }
            state.receiver = nil
            return receiver
        }
        receiver?(value)
    }
}
