import Foundation
import Synchronization

/// A program started by the benchmark (the gateway, the fake upstream), whose output is watched
/// for its ready line and which is stopped with SIGTERM at the end.
final class ChildProcess: Sendable {
    private let process: Process
    private let output = OutputBuffer()

    init(executable: String, arguments: [String] = [], environment: [String: String], workingDirectory: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        self.process = process
        let output = self.output
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if !data.isEmpty { output.append(String(decoding: data, as: UTF8.self)) }
        }
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// Waits until the output matches `pattern` and returns the first capture group.
    @discardableResult
    func waitFor(_ pattern: String, timeout: Duration = .seconds(30)) async throws -> String {
        let regex = try NSRegularExpression(pattern: pattern)
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let text = output.text
            let range = NSRange(text.startIndex..., in: text)
            if let match = regex.firstMatch(in: text, range: range) {
                let group = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
                return Range(group, in: text).map { String(text[$0]) } ?? ""
            }
            if !process.isRunning { throw BenchmarkError("\(process.executableURL?.lastPathComponent ?? "child") exited:\n\(text)") }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchmarkError("no \(pattern) within \(timeout):\n\(output.text)")
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}

/// Everything a child printed so far.
final class OutputBuffer: Sendable {
    private let storage = Mutex("")
    func append(_ text: String) { storage.withLock { $0 += text } }
    var text: String { storage.withLock { $0 } }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
