import Foundation
import Gateway
import StorageSQL
import Synchronization

/// Copies everything Gemgate and gemini-balance keep from one database into another: settings
/// (replaced by name), key state (replaced by key), request and error logs (appended, each row
/// once: the target remembers the last source id it copied per table), and file records
/// (replaced by name). Running it again copies only what was added since.
struct DatabaseTransfer {
    let source: SQLStorage
    let target: SQLStorage
    /// How the target remembers this source (its URL without the password).
    let sourceName: String
    var batchSize = 1000
    let progress: TransferProgressPrinter

    struct Outcome: Sendable {
        let table: String
        /// Rows the source has.
        let inSource: Int
        /// Rows written now.
        let copied: Int
        /// Rows skipped because an earlier run copied them.
        let alreadyCopied: Int
    }

    func run() async throws -> [Outcome] {
        var outcomes: [Outcome] = []
        outcomes.append(try await copy(.settings))
        outcomes.append(try await copyKeyStates())
        for table in [TransferTable.requestLog, .errorLogs, .fileRecords] {
            outcomes.append(try await copy(table))
        }
        return outcomes
    }

    private func copy(_ table: TransferTable) async throws -> Outcome {
        let total = try await source.transferRowCount(table)
        var cursor = table.tracksProgress ? try await target.transferProgress(source: sourceName, table: table) : 0
        let alreadyCopied = table.tracksProgress ? total - (try await source.transferRowCount(table, after: cursor)) : 0
        var copied = 0
        progress.update(table.rawValue, done: alreadyCopied, of: total)
        while let batch = try await source.readTransferBatch(table, after: cursor, limit: batchSize), batch.count > 0 {
            try await target.writeTransferBatch(batch, source: sourceName)
            copied += batch.count
            cursor = batch.lastID
            progress.update(table.rawValue, done: alreadyCopied + copied, of: total)
        }
        progress.finish(table.rawValue)
        return Outcome(table: table.rawValue, inSource: total, copied: copied, alreadyCopied: alreadyCopied)
    }

    /// `gg_key_state` exists only in a database Gemgate has used; gemini-balance kept key state
    /// in memory.
    private func copyKeyStates() async throws -> Outcome {
        guard try await !source.columnNames(of: "gg_key_state").isEmpty else {
            return Outcome(table: "gg_key_state", inSource: 0, copied: 0, alreadyCopied: 0)
        }
        let records = try await source.loadKeyStates()
        progress.update("gg_key_state", done: 0, of: records.count)
        for start in stride(from: 0, to: records.count, by: batchSize) {
            try await target.saveKeyStates(Array(records[start..<min(start + batchSize, records.count)]))
            progress.update("gg_key_state", done: min(start + batchSize, records.count), of: records.count)
        }
        progress.finish("gg_key_state")
        return Outcome(table: "gg_key_state", inSource: records.count, copied: records.count, alreadyCopied: 0)
    }
}

/// One line per table that counts up while it is copied: rewritten in place on a terminal,
/// printed every tenth of the way otherwise (a log file should not get a line per batch).
final class TransferProgressPrinter: Sendable {
    private let printing: Bool
    private let interactive = isatty(STDOUT_FILENO) == 1
    private let lastDecile = Mutex<[String: Int]>([:])

    init(printing: Bool = true) {
        self.printing = printing
    }

    func update(_ table: String, done: Int, of total: Int) {
        guard printing else { return }
        let line = "  \(table.padding(toLength: 16, withPad: " ", startingAt: 0)) \(done) / \(total) rows"
        if interactive {
            write("\r" + line)
        } else {
            let decile = total == 0 ? 10 : done * 10 / total
            let isNew = lastDecile.withLock { seen -> Bool in
                defer { seen[table] = decile }
                return seen[table] != decile
            }
            if isNew { write(line + "\n") }
        }
    }

    func finish(_ table: String) {
        if printing && interactive { write("\n") }
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
