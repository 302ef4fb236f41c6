/// An independent PNG reader for tests: checks the signature, that IHDR comes first and IEND
/// last, every chunk's CRC-32 (computed bit by bit, not with the fake's table), and that the IDAT
/// zlib stream of stored blocks inflates to the right number of bytes with a matching Adler-32.
enum PNGCheck {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Image {
        let width: Int
        let height: Int
        let chunkTypes: [String]
    }

    static func validate(_ bytes: [UInt8]) throws -> Image {
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Failure(description: "bad signature") }
        var offset = 8
        var types: [String] = []
        var header: [UInt8] = []
        var idat: [UInt8] = []
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else { throw Failure(description: "truncated chunk") }
            let length = Int(bigEndian(bytes, offset))
            let typeBytes = Array(bytes[offset + 4..<offset + 8])
            let data = Array(bytes[offset + 8..<offset + 8 + length])
            let stored = bigEndian(bytes, offset + 8 + length)
            guard crc32(typeBytes + data) == stored else { throw Failure(description: "CRC mismatch in \(String(decoding: typeBytes, as: UTF8.self))") }
            let type = String(decoding: typeBytes, as: UTF8.self)
            types.append(type)
            if type == "IHDR" { header = data }
            if type == "IDAT" { idat += data }
            offset += 12 + length
        }
        guard types.first == "IHDR", types.last == "IEND", header.count == 13 else { throw Failure(description: "chunk order \(types)") }
        let width = Int(bigEndian(header, 0))
        let height = Int(bigEndian(header, 4))
        guard header[8] == 8, header[9] == 2 else { throw Failure(description: "expected 8-bit RGB") }
        let raw = try inflateStored(idat)
        guard raw.count == height * (1 + width * 3) else { throw Failure(description: "pixel data is \(raw.count) bytes") }
        return Image(width: width, height: height, chunkTypes: types)
    }

    private static func inflateStored(_ stream: [UInt8]) throws -> [UInt8] {
        guard stream.count >= 6, (UInt16(stream[0]) << 8 | UInt16(stream[1])) % 31 == 0, stream[0] & 0x0F == 8 else {
            throw Failure(description: "bad zlib header")
        }
        var offset = 2
        var output: [UInt8] = []
        while true {
            let blockHeader = stream[offset]
            guard blockHeader & 0x06 == 0 else { throw Failure(description: "not a stored block") }
            let length = Int(stream[offset + 1]) | Int(stream[offset + 2]) << 8
            let complement = Int(stream[offset + 3]) | Int(stream[offset + 4]) << 8
            guard length ^ 0xFFFF == complement else { throw Failure(description: "LEN/NLEN mismatch") }
            output += stream[offset + 5..<offset + 5 + length]
            offset += 5 + length
            if blockHeader & 1 == 1 { break }
        }
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in output {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        guard b << 16 | a == bigEndian(stream, offset) else { throw Failure(description: "Adler-32 mismatch") }
        return output
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0)
            }
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}
