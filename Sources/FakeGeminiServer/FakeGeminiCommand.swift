import ArgumentParser
import FakeGemini
import Foundation
import Hummingbird

/// `fake-gemini`: the fake Gemini upstream as a process, for end-to-end tests and benchmarks.
///
/// Prints exactly one line to standard output once it accepts connections,
/// `fake-gemini listening on http://HOST:PORT` (with the real port when `--port 0`), and stops
/// gracefully on SIGTERM or SIGINT.
@main
struct FakeGeminiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fake-gemini",
        abstract: "A fake of Google's Gemini API with scripted per-key behaviours.",
        discussion: """
            Keys starting with AIza are valid unless scripted. Scripts come from --keys-file, the \
            FAKE_GEMINI_KEYS environment variable (both a JSON object {"key": behaviour}) and \
            POST /_fake/keys at run time. GET /_fake/requests lists recorded requests.
            """)

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to bind; 0 picks a free one (printed on the ready line).")
    var port = 9090

    @Option(name: .customLong("keys-file"), help: "JSON file {\"key\": behaviour} scripting keys at start-up.")
    var keysFile: String?

    @Flag(name: .customLong("no-record"), help: "Do not record requests (for benchmarks).")
    var noRecord = false

    @Option(name: .customLong("record-capacity"), help: "How many recorded requests to keep.")
    var recordCapacity = 5000

    func run() async throws {
        let fake = FakeGemini(recordCapacity: recordCapacity)
        fake.recording = !noRecord
        do {
            if let fromEnvironment = ProcessInfo.processInfo.environment["FAKE_GEMINI_KEYS"], !fromEnvironment.isEmpty {
                try fake.script(json: fromEnvironment)
            }
            if let keysFile {
                try fake.script(json: try String(contentsOfFile: keysFile, encoding: .utf8))
            }
        } catch {
            throw ValidationError("cannot read key scripts: \(error)")
        }
        let app = FakeGemini.makeApplication(fake: fake, host: host, port: port) { host, port in
            // Unbuffered, so a test reading the pipe sees the line at once.
            FileHandle.standardOutput.write(Data("fake-gemini listening on http://\(host):\(port)\n".utf8))
        }
        try await app.runService()
    }
}
