/// A minimal PNG writer: 8-bit RGB, no compression.
///
/// The image data goes in a zlib stream made of "stored" deflate blocks (no compression needed for
/// a test image), so the file is real and any decoder accepts it: signature, IHDR, IDAT (zlib
/// header, stored blocks, Adler-32), IEND, each chunk with its CRC-32.
enum PNGEncoder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// - Parameter pixel: the RGB colour of (x, y).
    static func encode(width: Int, height: Int, pixel: (Int, Int) -> (UInt8, UInt8, UInt8)) -> [UInt8] {
        precondition(width > 0 && height > 0)
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity(height * (1 + width * 3))
        for y in 0..<height {
            scanlines.append(0)  // filter type 0: the row as it is
            for x in 0..<width {
                let (red, green, blue) = pixel(x, y)
                scanlines.append(contentsOf: [red, green, blue])
            }
        }
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header.append(contentsOf: [8, 2, 0, 0, 0])  // bit depth 8, colour type RGB, deflate, adaptive filters, no interlace

        var file = signature
        appendChunk("IHDR", header, to: &file)
        appendChunk("IDAT", zlibStored(scanlines), to: &file)
        appendChunk("IEND", [], to: &file)
        return file
    }

    /// A zlib stream of uncompressed deflate blocks (at most 65535 bytes each).
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var stream: [UInt8] = [0x78, 0x01]  // deflate, 32K window, no dictionary; 0x7801 is a multiple of 31
        var offset = 0
        repeat {
            let length = min(65535, data.count - offset)
            let isLast = offset + length == data.count
            stream.append(isLast ? 1 : 0)  // BFINAL, BTYPE=00 (stored)
            stream.append(UInt8(length & 0xFF))
            stream.append(UInt8(length >> 8))
            stream.append(UInt8(~length & 0xFF))
            stream.append(UInt8((~length >> 8) & 0xFF))
            stream.append(contentsOf: data[offset..<offset + length])
            offset += length
        } while offset < data.count
        stream.appendBigEndian(Checksums.adler32(data))
        return stream
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to file: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        file.appendBigEndian(UInt32(data.count))
        file.append(contentsOf: typeBytes)
        file.append(contentsOf: data)
        file.appendBigEndian(Checksums.crc32(typeBytes + data))
    }
}

extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }
}
