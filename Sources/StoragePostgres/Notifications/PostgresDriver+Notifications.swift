import PostgresNIO
import StorageSQL

/// LISTEN/NOTIFY, for instances sharing one database to tell each other about changes
/// (a saved setting, a benched key) within moments: PostgreSQL delivers a notification to every
/// listening session as soon as the sending transaction commits.
extension PostgresDriver {
    /// Payloads sent to `channel`, until the stream is dropped or the driver closes.
    /// Reconnections are invisible here; use `listenEvents` to learn about them.
    public func listen(channel: String) throws -> AsyncStream<String> {
        try startListening(channel: channel) { event in
            if case .notification(let payload) = event { return payload }
            return nil
        }
    }

    /// Every event of a LISTEN session on `channel`: `.listening` once the LISTEN is in place
    /// (and after each reconnection), then `.notification(payload)`. Send only after the first
    /// `.listening` if the notification must not be missed.
    public func listenEvents(channel: String) throws -> AsyncStream<PostgresListenEvent> {
        try startListening(channel: channel) { $0 }
    }

    /// Sends `payload` (at most 8000 bytes) to every session listening on `channel`, this
    /// driver's own included. Inside a transaction, run `SELECT pg_notify(?, ?)` on the
    /// transaction's connection instead: it is then delivered at COMMIT, and not at all on
    /// ROLLBACK.
    public func notify(channel: String, payload: String) async throws {
        try Self.validate(channel: channel)
        try await execute("SELECT pg_notify(?, ?)", [.text(channel), .text(payload)])
    }

    /// Channel names are identifiers that postgres-nio quotes into `LISTEN "…"` without
    /// escaping, so they are limited to a safe, case-unambiguous set.
    static func validate(channel: String) throws {
        let allowed = channel.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_")
        }
        guard allowed, !channel.isEmpty, channel.utf8.count <= 63 else {
            throw PostgresDriverError(
                kind: .usage,
                message: "a channel name must be 1 to 63 characters of a-z, 0-9 and _, not “\(channel)”"
            )
        }
    }

    func startListening<Element: Sendable>(
        channel: String,
        transform: @escaping @Sendable (PostgresListenEvent) -> Element?
    ) throws -> AsyncStream<Element> {
        try Self.validate(channel: channel)
        let (stream, continuation) = AsyncStream<Element>.makeStream()
        // Dropping the stream (or cancelling its consumer) finishes this signal, which ends
        // the listener below; the driver closing cancels it from above.
        let (stopSignal, stop) = AsyncStream<Never>.makeStream()
        continuation.onTermination = { _ in stop.finish() }

        let listener = PostgresChannelListener(channel: channel, configuration: connectionConfiguration, logger: logger)
        let started = lifecycle.spawn {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await _ in stopSignal {}
                }
                group.addTask {
                    await listener.run { event in
                        if let element = transform(event) {
                            continuation.yield(element)
                        }
                    }
                }
                await group.next()
                group.cancelAll()
            }
            continuation.finish()
        }
        if !started {
            continuation.finish()
        }
        return stream
    }
}
