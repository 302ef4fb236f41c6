/// An incremental parser for the upstream's server-sent events: feed it bytes as they arrive,
/// get back the `data` payload of every event completed so far.
///
/// Lines end with `\r\n`, `\n` or `\r` (Gemini sends `\r\n\r\n` between events; `\n\n` and
/// `\r\r` are accepted too); a blank line ends an event; several `data:` lines of one event are
/// joined with `\n`; one space after `data:` is dropped; comment lines (`:`) and other fields
/// (`event:`, `id:`, `retry:`) are ignored. Frames may be split anywhere across chunks,
/// including between `\r` and `\n` and inside a multi-byte character.
public struct SSEParser: Sendable {
    private var line: [UInt8] = []
    private var data: [UInt8] = []
    private var eventHasData = false
    /// The previous chunk ended with `\r`; a `\n` starting the next one belongs to it.
    private var pendingCarriageReturn = false

    public init() {}

    /// The payloads of the events completed by these bytes.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [String] {
        // One copy into contiguous storage (free for arrays), then a specialised scan: iterating a
        // generic sequence byte by byte across the module boundary costs far more.
        let buffer = ContiguousArray(bytes)
        return buffer.withUnsafeBufferPointer { feed(buffer: $0) }
    }

    private mutating func feed(buffer: UnsafeBufferPointer<UInt8>) -> [String] {
        var payloads: [String] = []
        var index = 0
        let count = buffer.count
        while index < count {
            if pendingCarriageReturn {
                pendingCarriageReturn = false
                if buffer[index] == 0x0A {
                    index += 1
                    continue
                }
            }
            // Copy the run of ordinary bytes up to the next line break in one go.
            var end = index
            while end < count, buffer[end] != 0x0A, buffer[end] != 0x0D { end += 1 }
            if end > index { line.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index..<end])) }
            guard end < count else { break }
            pendingCarriageReturn = buffer[end] == 0x0D
            endLine(into: &payloads)
            index = end + 1
        }
        return payloads
    }

    /// Call at the end of the stream: the payload of an event the upstream did not terminate
    /// with a blank line, if any (a lenient reading; the caller decides whether a stream that
    /// ended like that is complete).
    public mutating func finish() -> [String] {
        var payloads: [String] = []
        if !line.isEmpty { endLine(into: &payloads) }
        if eventHasData { payloads.append(dispatch()) }
        pendingCarriageReturn = false
        return payloads
    }

    private mutating func endLine(into payloads: inout [String]) {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty {
            if eventHasData { payloads.append(dispatch()) }
            return
        }
        if line[0] == UInt8(ascii: ":") { return }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
        guard line[..<colon].elementsEqual("data".utf8) else { return }
        var valueStart = colon < line.endIndex ? colon + 1 : colon
        if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        if eventHasData { data.append(0x0A) }
        data.append(contentsOf: line[valueStart...])
        eventHasData = true
    }

    private mutating func dispatch() -> String {
        let payload = String(decoding: data, as: UTF8.self)
        data.removeAll(keepingCapacity: true)
        eventHasData = false
        return payload
    }
}
