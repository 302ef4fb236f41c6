/// Writes log entries batch by batch, so that one bad row cannot hold up the others.
///
/// - A batch that is written stays written: a later failure hands back only what comes after it
///   (handing back all would write the earlier batches again).
/// - A batch the database refuses for its values (`ValueRefusalReporting`) is written again row
///   by row, and a row refused on its own is left out: written again, it would be refused again,
///   forever, and take every row after it along.
/// - Any other failure (an outage, a lost connection) stops the write; the batch it hit and the
///   ones after it are handed back to try later.
/// - Once the task is cancelled (its caller stopped waiting), no further statement is started.
/// - `handled` hears how many entries from the start are settled (written or refused) after
///   every step, so a caller that stops waiting knows which ones are still open.
enum LogBatches {
    struct Outcome<Entry: Sendable>: Sendable {
        /// Entries not written, in their order, to try again later.
        var unwritten: [Entry] = []
        /// Entries the database refused on their own, with its reason; not to be tried again.
        var refused: [(entry: Entry, error: any Error)] = []
        /// What stopped the write early, if anything did.
        var failure: (any Error)?
    }

    static func write<Entry: Sendable>(
        _ entries: [Entry], batchSize: Int, handled: (Int) -> Void = { _ in }, insert: ([Entry]) async throws -> Void
    ) async -> Outcome<Entry> {
        var outcome = Outcome<Entry>()
        var start = 0
        while start < entries.count {
            let end = min(start + batchSize, entries.count)
            if Task.isCancelled {
                outcome.unwritten = Array(entries[start...])
                outcome.failure = CancellationError()
                return outcome
            }
            do {
                try await insert(Array(entries[start..<end]))
            } catch where isValueRefusal(error) {
                if let stop = await writeRowByRow(entries[start..<end], into: &outcome, handled: handled, insert: insert) {
                    outcome.unwritten = Array(entries[stop...])
                    return outcome
                }
            } catch {
                outcome.unwritten = Array(entries[start...])
                outcome.failure = error
                return outcome
            }
            start = end
            handled(end)
        }
        return outcome
    }

    /// Writes each entry alone, noting the refused ones; returns the index where a failure other
    /// than a refusal (or cancellation) stopped it, nil when every entry was written or refused.
    private static func writeRowByRow<Entry: Sendable>(
        _ batch: ArraySlice<Entry>, into outcome: inout Outcome<Entry>, handled: (Int) -> Void,
        insert: ([Entry]) async throws -> Void
    ) async -> Int? {
        for index in batch.indices {
            if Task.isCancelled {
                outcome.failure = CancellationError()
                return index
            }
            do {
                try await insert([batch[index]])
            } catch where isValueRefusal(error) {
                outcome.refused.append((batch[index], error))
            } catch {
                outcome.failure = error
                return index
            }
            handled(index + 1)
        }
        return nil
    }
}
