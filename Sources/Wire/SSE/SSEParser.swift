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
        var payloads: [String] = []
        for byte in bytes {
            if pendingCarriageReturn {
                pendingCarriageReturn = false
                if byte == 0x0A { continue }
            }
            switch byte {
            case 0x0D:
                pendingCarriageReturn = true
                endLine(into: &payloads)
            case 0x0A:
                endLine(into: &payloads)
            default:
                line.append(byte)
            }
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
