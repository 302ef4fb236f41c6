#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One blocking HTTP/1.1 GET over a plain socket, reading only the status line: all a health
/// check needs, without starting an event loop or an HTTP client in a process that lives for a
/// few milliseconds every 30 seconds.
enum HealthProbe {
    enum Outcome: Equatable {
        case status(Int)
        case failed(String)
    }

    /// A gateway listening on every address is reached on loopback.
    static func localAddress(forListeningHost host: String) -> String {
        switch host {
        case "0.0.0.0", "": return "127.0.0.1"
        case "::", "[::]": return "::1"
        default: return host
        }
    }

    static func statusOfGet(host: String, port: Int, path: String, timeoutSeconds: Int) -> Outcome {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = streamSocketType
        var addresses: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &addresses)
        guard resolved == 0, let first = addresses else {
            return .failed("cannot resolve \(host): \(String(cString: gai_strerror(resolved)))")
        }
        defer { freeaddrinfo(first) }

        var lastFailure = "no address for \(host)"
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let address = cursor {
            cursor = address.pointee.ai_next
            switch ask(address.pointee, host: host, path: path, timeoutSeconds: timeoutSeconds) {
            case .status(let code): return .status(code)
            case .failed(let reason): lastFailure = reason
            }
        }
        return .failed(lastFailure)
    }

    private static func ask(_ address: addrinfo, host: String, path: String, timeoutSeconds: Int) -> Outcome {
        let socketHandle = socket(address.ai_family, address.ai_socktype, address.ai_protocol)
        guard socketHandle >= 0 else { return .failed("socket: \(lastError())") }
        defer { close(socketHandle) }

        // Linux applies the send timeout to connect(2) as well, so a hung listener cannot hang us.
        var limit = timeval(tv_sec: .init(timeoutSeconds), tv_usec: 0)
        let limitSize = socklen_t(MemoryLayout<timeval>.size)
        _ = setsockopt(socketHandle, SOL_SOCKET, SO_RCVTIMEO, &limit, limitSize)
        _ = setsockopt(socketHandle, SOL_SOCKET, SO_SNDTIMEO, &limit, limitSize)
        guard connect(socketHandle, address.ai_addr, address.ai_addrlen) == 0 else {
            return .failed("cannot connect: \(lastError())")
        }

        let request = Array("GET \(path) HTTP/1.1\r\nHost: localhost\r\nUser-Agent: gemgate-healthcheck\r\nConnection: close\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            let written = request[sent...].withUnsafeBytes { send(socketHandle, $0.baseAddress, $0.count, 0) }
            guard written > 0 else { return .failed("cannot send: \(lastError())") }
            sent += written
        }

        // "HTTP/1.1 200 OK\r\n": the first line is all we read.
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while !received.contains(UInt8(ascii: "\n")) && received.count < 4096 {
            let count = buffer.withUnsafeMutableBytes { recv(socketHandle, $0.baseAddress, $0.count, 0) }
            guard count > 0 else {
                return .failed(count == 0 ? "the connection closed before an answer" : "no answer: \(lastError())")
            }
            received += buffer[0..<count]
        }
        let statusLine = String(decoding: received.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let code = Int(parts[1]) else {
            return .failed("not an HTTP answer: \(statusLine.prefix(80))")
        }
        return .status(code)
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }

    #if canImport(Glibc)
    private static let streamSocketType = Int32(SOCK_STREAM.rawValue)
    #else
    private static let streamSocketType = SOCK_STREAM
    #endif
}
