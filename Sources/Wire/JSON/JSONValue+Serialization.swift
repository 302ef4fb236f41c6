// A direct JSON writer. Stream translation serialises one small object per upstream event, so
// this avoids `JSONEncoder`'s per-call setup; keys are sorted so output is stable and testable.

extension JSONValue {
    /// Compact UTF-8 JSON with sorted keys. Non-finite doubles (which JSON cannot carry) are
    /// written as `null`; `/` is not escaped.
    public func serialized() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(into: &output)
        return output
    }

    /// `serialized()` as a string.
    public var serializedText: String {
        String(decoding: serialized(), as: UTF8.self)
    }

    func write(into output: inout [UInt8]) {
        switch self {
        case .null:
            output.append(contentsOf: Self.nullBytes)
        case .bool(let flag):
            output.append(contentsOf: flag ? Self.trueBytes : Self.falseBytes)
        case .int(let number):
            output.append(contentsOf: String(number).utf8)
        case .double(let number):
            Self.writeDouble(number, into: &output)
        case .string(let text):
            Self.writeString(text, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                element.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (position, key) in members.keys.sorted().enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                members[key]!.write(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static let nullBytes = Array("null".utf8)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func writeDouble(_ number: Double, into output: inout [UInt8]) {
        guard number.isFinite else {
            output.append(contentsOf: nullBytes)
            return
        }
        // Swift's shortest round-trip description is valid JSON for finite values ("1e-05",
        // "3.5", "1e+20"), except that whole numbers print as "2.0", which is also valid.
        output.append(contentsOf: number.description.utf8)
    }

    private static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""):
                output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"):
                output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "\\"))
            case 0x0A:
                output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "n"))
            case 0x0D:
                output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "r"))
            case 0x09:
                output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "t"))
            case 0x00..<0x20:
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
