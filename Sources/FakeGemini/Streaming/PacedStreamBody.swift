import Hummingbird

/// Thrown from a response body to make Hummingbird drop the connection without ending the chunked
/// body: the client sees a truncated stream, as when Google's connection dies mid-answer.
struct DeliberateStreamCut: Error {}

/// Writes a `StreamScript` to the client, frame by frame, each flushed at once, with the pacing's
/// delays between frames; records how far it got and whether the client went away.
///
/// The first frame's delay is spent before the response head is sent (see `FakeGemini.reply`), as
/// Google sends nothing, not even headers, until the first chunk is ready.
enum PacedStreamBody {
    static func make(_ script: StreamScript, recordID: Int?, log: RequestLog) -> ResponseBody {
        ResponseBody { writer in
            let interval = Duration.milliseconds(script.pacing.eventIntervalMs)
            let frameCount = script.framesBeforeAbnormalEnd
            var written = 0
            do {
                for frame in script.frames.prefix(frameCount) {
                    if written > 0, script.pacing.eventIntervalMs > 0 { try await Task.sleep(for: interval) }
                    // Counted before the write returns, so a test that has read the frame sees it counted.
                    countEvent(recordID, log: log)
                    try await writer.write(frame)
                    written += 1
                }
                switch script.pacing.ending {
                case .normal:
                    if let closing = script.closing { try await writer.write(closing) }
                case .error:
                    if written > 0, script.pacing.eventIntervalMs > 0 { try await Task.sleep(for: interval) }
                    try await writer.write(written == 0 ? script.errorEndingAsFirstWrite : script.errorEnding)
                case .cut:
                    if let recordID { log.update(recordID) { $0.streamAborted = true } }
                    // A write returns once queued, not once on the wire; closing at once could drop
                    // the frames just written, so the cut comes a moment after them.
                    try await Task.sleep(for: max(interval, Self.settleTimeBeforeCut))
                    throw DeliberateStreamCut()
                }
                try await writer.finish(nil)
            } catch is DeliberateStreamCut {
                throw DeliberateStreamCut()
            } catch {
                // A failed write means the client is gone; the frame being written did not arrive.
                if let recordID {
                    log.update(recordID) { record in
                        record.clientDisconnected = true
                        record.eventsSent = written
                    }
                }
                throw error
            }
        }
    }

    static let settleTimeBeforeCut = Duration.milliseconds(100)

    private static func countEvent(_ recordID: Int?, log: RequestLog) {
        guard let recordID else { return }
        log.update(recordID) { $0.eventsSent += 1 }
    }
}
