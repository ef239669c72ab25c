import CZlibSystem
import Foundation

extension ZipArchive {
    /// The uncompressed bytes of `entry`, which must declare at most `limit` of them; CRC-32 checked.
    func contents(of entry: ZipEntry, limit: UInt64) throws(ZipFormatError) -> Data {
        guard entry.uncompressedSize <= limit else {
            throw ZipFormatError("it declares \(entry.uncompressedSize) bytes, more than the limit of \(limit)")
        }
        guard entry.flags & 1 == 0 else { throw ZipFormatError("it is encrypted") }
        let compressed = try compressedRange(of: entry)
        let contents: Data
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw ZipFormatError("it is stored, yet its sizes differ (\(entry.compressedSize) and \(entry.uncompressedSize) bytes)")
            }
            contents = bytes.bytes(compressed)
        case 8:
            contents = try inflate(compressed, expected: Int(entry.uncompressedSize))
        default:
            throw ZipFormatError("compression method \(entry.method) is not supported (only stored and deflate)")
        }
        guard Self.crc32(contents) == entry.checksum else { throw ZipFormatError("CRC-32 mismatch") }
        return contents
    }

    /// Where the entry's compressed bytes lie: after its local header, inside the data.
    private func compressedRange(of entry: ZipEntry) throws(ZipFormatError) -> Range<Int> {
        let localHeaderSize: UInt64 = 30
        let header = entry.localHeaderOffset
        guard bytes.contains(offset: header, count: localHeaderSize),
              bytes.hasSignature(ZipSignature.localHeader, at: Int(header)) else {
            throw ZipFormatError("its local header at offset \(header) is missing")
        }
        let nameLength = UInt64(bytes.field(UInt16.self, at: Int(header) + 26))
        let extraLength = UInt64(bytes.field(UInt16.self, at: Int(header) + 28))
        let start = header + localHeaderSize + nameLength + extraLength
        guard bytes.contains(offset: start, count: entry.compressedSize) else {
            throw ZipFormatError("its \(entry.compressedSize) compressed bytes at offset \(start) run past the end of the file")
        }
        return Int(start)..<Int(start + entry.compressedSize)
    }

    /// Raw deflate data inflated into exactly `expected` bytes.
    private func inflate(_ range: Range<Int>, expected: Int) throws(ZipFormatError) -> Data {
        // zlib counts in 32 bits; torch.save stores its records uncompressed, so this bound is generous.
        guard range.count < Int(UInt32.max), expected < Int(UInt32.max) else {
            throw ZipFormatError("it is compressed and larger than 4 GiB, which this reader does not inflate")
        }
        // One byte more than declared, so that data inflating to more is noticed.
        var output = [UInt8](repeating: 0, count: expected + 1)
        var stream = z_stream()
        guard nnreport_inflate_init2(&stream, -15) == Z_OK else { throw ZipFormatError("zlib could not start") }
        defer { inflateEnd(&stream) }
        let status = bytes.data.withUnsafeBytes { input in
            output.withUnsafeMutableBufferPointer { out in
                // -15 above: raw deflate, no zlib or gzip wrapper. zlib only reads through next_in.
                let source = input.baseAddress!.advanced(by: range.lowerBound).assumingMemoryBound(to: Bytef.self)
                stream.next_in = UnsafeMutablePointer(mutating: source)
                stream.avail_in = uInt(range.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                return CZlibSystem.inflate(&stream, Z_FINISH)
            }
        }
        let produced = output.count - Int(stream.avail_out)
        guard produced <= expected else { throw ZipFormatError("it inflates to more than its declared \(expected) bytes") }
        switch status {
        case Z_STREAM_END where produced == expected:
            return Data(output[..<expected])
        case Z_DATA_ERROR:
            let message = stream.msg.map { String(cString: $0) } ?? "invalid data"
            throw ZipFormatError("its deflate data is corrupt (\(message))")
        default:
            throw ZipFormatError("\(produced) of its \(expected) bytes are present")
        }
    }

    /// The CRC-32 (zlib's) of `data`.
    static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { raw in
            var crc = CZlibSystem.crc32(0, nil, 0)
            var offset = 0
            // zlib takes 32-bit lengths: feed large records in pieces.
            while offset < raw.count {
                let length = min(raw.count - offset, Int(UInt32.max))
                crc = CZlibSystem.crc32(crc, raw.baseAddress!.advanced(by: offset).assumingMemoryBound(to: Bytef.self), uInt(length))
                offset += length
            }
            return UInt32(crc)
        }
    }
}
