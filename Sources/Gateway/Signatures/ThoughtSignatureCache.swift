import Foundation
import Synchronization

/// Gemini's thought signatures, kept server-side by the tool-call id Gemgate handed to the client.
///
/// Gemini 3 refuses a follow-up turn whose function calls lack the `thoughtSignature` it attached
/// to them, and most OpenAI clients (Cherry Studio among them) drop anything they do not know,
/// so Gemgate remembers each signature and puts it back when the call returns in the history
/// (issue 3, item 5). The tool-call id is the one thing every client echoes faithfully.
///
/// Bounded three ways so a busy gateway cannot grow without limit: a number of entries, a total
/// size of the stored text, and an age. Entries all live equally long, so insertion order is
/// expiry order: the oldest are evicted first, from the front of a queue.
public final class ThoughtSignatureCache: Sendable {
    public struct Limits: Sendable {
        public var maxEntries: Int
        /// The sum of the ids' and signatures' lengths, in bytes.
        public var maxBytes: Int
        public var timeToLive: Duration

        /// 50,000 calls, 64 MB, a day: more than a day-long agent session needs.
        public static let standard = Limits(maxEntries: 50_000, maxBytes: 64 << 20, timeToLive: .seconds(24 * 3600))

        public init(maxEntries: Int, maxBytes: Int, timeToLive: Duration) {
            self.maxEntries = max(1, maxEntries)
            self.maxBytes = max(1, maxBytes)
            self.timeToLive = timeToLive
        }
    }

    private struct Entry {
        var signature: String
        var expires: ContinuousClock.Instant
        /// Which queue slot owns the entry; an older slot for a re-stored id is skipped on eviction.
        var serial: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// (id, serial) in insertion order; `head` is the oldest slot still to look at.
        var queue: [(id: String, serial: UInt64)] = []
        var head = 0
        var nextSerial: UInt64 = 0
        var bytes = 0
    }

    public let limits: Limits
    private let state = Mutex(State())
    private let clock = ContinuousClock()

    public init(limits: Limits = .standard) {
        self.limits = limits
    }

    /// Stores what a converter returned (`ChatCompletionResult.thoughtSignatures`,
    /// `ChatStreamTranslator.thoughtSignatures`).
    public func store(_ signatures: [String: String]) {
        guard !signatures.isEmpty else { return }
        let now = clock.now
        state.withLock { state in
            for (id, signature) in signatures where !id.isEmpty && !signature.isEmpty {
                if let old = state.entries[id] { state.bytes -= Self.size(id: id, signature: old.signature) }
                let serial = state.nextSerial
                state.nextSerial += 1
                state.entries[id] = Entry(signature: signature, expires: now + limits.timeToLive, serial: serial)
                state.queue.append((id, serial))
                state.bytes += Self.size(id: id, signature: signature)
            }
            evict(&state, now: now)
        }
    }

    /// The signature stored for `toolCallID`, unless it expired. Matches `ThoughtSignatureLookup`.
    public func signature(for toolCallID: String) -> String? {
        let now = clock.now
        return state.withLock { state in
            guard let entry = state.entries[toolCallID], entry.expires > now else { return nil }
            return entry.signature
        }
    }

    /// How many signatures are held (expired ones may linger until the next store).
    public var count: Int { state.withLock { $0.entries.count } }

    /// Drops expired entries and, past a limit, the oldest ones.
    private func evict(_ state: inout State, now: ContinuousClock.Instant) {
        while state.head < state.queue.count {
            let (id, serial) = state.queue[state.head]
            guard let entry = state.entries[id], entry.serial == serial else {
                state.head += 1  // superseded by a later store of the same id
                continue
            }
            let over = state.entries.count > limits.maxEntries || state.bytes > limits.maxBytes
            guard over || entry.expires <= now else { break }
            state.entries[id] = nil
            state.bytes -= Self.size(id: id, signature: entry.signature)
            state.head += 1
        }
        // Reclaim the consumed front of the queue once it is most of the array.
        if state.head > 1024, state.head * 2 > state.queue.count {
            state.queue.removeFirst(state.head)
            state.head = 0
        }
    }

    private static func size(id: String, signature: String) -> Int {
        id.utf8.count + signature.utf8.count
    }
}
