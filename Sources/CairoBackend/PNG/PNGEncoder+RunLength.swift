import Foundation

/// The run-length PNG writer: UP filter and RGB packing in one pass, `RunLengthDeflate`, and the chunks written here.
extension PNGEncoder {
    /// The 8-byte PNG signature.
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Encodes an opaque Cairo ARGB32 buffer as an 8-bit RGB PNG, every row UP-filtered, with `RunLengthDeflate`.
    ///
    /// The UP filter is taken on the 32-bit pixels straight from the surface, 4 at a time with SIMD, and the
    /// differences are packed to R, G, B: bytewise subtraction commutes with dropping alpha and reordering.
    static func encodeOpaqueARGB32RunLength(_ data: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) throws -> [UInt8] {
        try validate(width: width, height: height)
        let rowBytes = width * 3
        // One filtered row at a time, in cache: the filter-type byte, then the row.
        let row = UnsafeMutablePointer<UInt8>.allocate(capacity: rowBytes + 1)
        defer { row.deallocate() }
        var deflate = RunLengthDeflate(expectedBytes: height * rowBytes / 32)
        defer { deflate.release() }
        for y in 0..<height {
            row[0] = 2  // UP: each byte minus the byte above (zeros above the first row)
            let current = UnsafeRawPointer(data + y * stride)
            let above = y > 0 ? UnsafeRawPointer(data + (y - 1) * stride) : nil
            if let above, memcmp(current, above, width * 4) == 0 {
                // A row equal to the one above (white margins, vertical strokes) filters to zeros: no packing or scan.
                deflate.append(row, count: 1)
                deflate.appendRepeated(0, count: rowBytes)
                continue
            }
            packUpFiltered(current, above: above, count: width, into: row + 1)
            deflate.append(row, count: rowBytes + 1)
        }
        let compressed = deflate.finish()

        var png = pngSignature
        png.reserveCapacity(compressed.count + 64)
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0]  // bit depth 8, colour type 2 (RGB), deflate, adaptive filtering, no interlace
        png.appendChunk("IHDR", header)
        png.appendChunk("IDAT", compressed)
        png.appendChunk("IEND", [])
        return png
    }

    /// Writes the UP-filtered R, G, B bytes of one row of `count` native-endian 0xAARRGGBB words: each pixel minus
    /// the pixel above (`above` nil: the first row, minus zero), 3 bytes per pixel.
    @inline(__always)
    static func packUpFiltered(_ current: UnsafeRawPointer, above: UnsafeRawPointer?, count: Int, into rgb: UnsafeMutablePointer<UInt8>) {
        guard let above else {
            packRGB(current.assumingMemoryBound(to: UInt32.self), count: count, into: rgb)
            return
        }
        let out = UnsafeMutableRawPointer(rgb)
        var x = 0, offset = 0
        while x + 4 <= count {
            let a = current.loadUnaligned(fromByteOffset: x * 4, as: SIMD16<UInt8>.self)
            let b = above.loadUnaligned(fromByteOffset: x * 4, as: SIMD16<UInt8>.self)
            let d = unsafeBitCast(a &- b, to: SIMD4<UInt32>.self)  // four native-endian difference words
            storeFourRGB(d[0], d[1], d[2], d[3], to: out, at: offset)
            x += 4
            offset += 12
        }
        let currentWords = current.assumingMemoryBound(to: UInt32.self), aboveWords = above.assumingMemoryBound(to: UInt32.self)
        while x < count {
            let (c, u) = (currentWords[x], aboveWords[x])
            rgb[offset] = UInt8(truncatingIfNeeded: c >> 16) &- UInt8(truncatingIfNeeded: u >> 16)
            rgb[offset + 1] = UInt8(truncatingIfNeeded: c >> 8) &- UInt8(truncatingIfNeeded: u >> 8)
            rgb[offset + 2] = UInt8(truncatingIfNeeded: c) &- UInt8(truncatingIfNeeded: u)
            x += 1
            offset += 3
        }
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` most significant byte first, as PNG integers are stored.
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }

    /// Appends a PNG chunk: length, 4-letter type, data, CRC-32 of type and data.
    mutating func appendChunk(_ type: String, _ data: [UInt8]) {
        let typeBytes = Array(type.utf8)
        precondition(typeBytes.count == 4, "PNG chunk type \(type) must have 4 letters")
        appendBigEndian(UInt32(data.count))
        append(contentsOf: typeBytes)
        append(contentsOf: data)
        appendBigEndian(CRC32.checksum(data, seed: CRC32.checksum(typeBytes)))
    }
}

/// CRC-32 (ISO 3309, the polynomial 0xEDB88320 reflected) as PNG chunks use it.
enum CRC32 {
    /// The byte-at-a-time table.
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The CRC of `bytes`, continuing from `seed` (the CRC of the bytes before them; 0 to start).
    static func checksum(_ bytes: [UInt8], seed: UInt32 = 0) -> UInt32 {
        var c = ~seed
        table.withUnsafeBufferPointer { t in
            for byte in bytes { c = t[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        }
        return ~c
    }
}
