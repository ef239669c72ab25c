import CZlib
import Foundation

/// The header of an IDX file (magic, element type, dimensions), read from raw or gzip bytes.
// TODO(lead): the Datasets target reads IDX in full; this only probes the header for the reproducibility block.
struct IDXHeader: Equatable {
    /// The dimensions, e.g. [60000, 28, 28] for images or [60000] for labels.
    let dimensions: [Int]

    /// Size of the header in bytes: 4 magic bytes + 4 per dimension.
    var byteCount: Int { 4 + 4 * dimensions.count }
    /// Size of the payload for unsigned-byte elements.
    var payloadCount: Int { dimensions.reduce(1, *) }

    /// Parses the header; `expectedRank` is 3 for images and 1 for labels. Throws `corruptDatasetFile`.
    init(_ bytes: [UInt8], expectedRank: Int, path: String) throws {
        guard bytes.count >= 4 else {
            throw ReportError.corruptDatasetFile(path: path, offset: bytes.count, reason: "file ends inside the IDX magic number")
        }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw ReportError.corruptDatasetFile(path: path, offset: 0, reason: String(format: "bad IDX magic %02x%02x%02x%02x (expected 0000 08 0%d)", bytes[0], bytes[1], bytes[2], bytes[3], expectedRank))
        }
        guard bytes[2] == 0x08 else {
            throw ReportError.corruptDatasetFile(path: path, offset: 2, reason: String(format: "element type 0x%02x is not unsigned byte (0x08)", bytes[2]))
        }
        guard Int(bytes[3]) == expectedRank else {
            throw ReportError.corruptDatasetFile(path: path, offset: 3, reason: "\(bytes[3]) dimensions, expected \(expectedRank)")
        }
        guard bytes.count >= 4 + 4 * expectedRank else {
            throw ReportError.corruptDatasetFile(path: path, offset: bytes.count, reason: "file ends inside the IDX dimensions")
        }
        dimensions = (0..<expectedRank).map { index in
            bytes[(4 + 4 * index)..<(8 + 4 * index)].reduce(0) { $0 << 8 | Int($1) }
        }
    }

    /// Reads and checks the header of a file's bytes (gzip if they start with 1f 8b), and checks the
    /// total size: the raw length, or the gzip trailer's ISIZE, must equal header + payload.
    static func read(_ data: Data, expectedRank: Int, path: String) throws -> IDXHeader {
        let isGzip = data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
        let headerLength = 4 + 4 * expectedRank
        let prefix = isGzip ? try inflatePrefix(data, count: headerLength, path: path) : [UInt8](data.prefix(headerLength))
        let header = try IDXHeader(prefix, expectedRank: expectedRank, path: path)
        let expected = header.byteCount + header.payloadCount
        if isGzip {
            // ISIZE: the uncompressed size modulo 2^32, little-endian, in the last 4 bytes of a single-member gzip file.
            let trailer = [UInt8](data.suffix(4))
            let size = trailer.reversed().reduce(0) { $0 << 8 | Int($1) }
            guard size == expected & 0xFFFF_FFFF else {
                throw ReportError.corruptDatasetFile(path: path, offset: data.count - 4, reason: "gzip holds \(size) bytes, the header \(header.dimensions) needs \(expected)")
            }
        } else if data.count != expected {
            throw ReportError.corruptDatasetFile(path: path, offset: min(data.count, expected), reason: "file has \(data.count) bytes, the header \(header.dimensions) needs \(expected)")
        }
        return header
    }

    /// Inflates only the first `count` bytes of a gzip stream.
    private static func inflatePrefix(_ data: Data, count: Int, path: String) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: count)
        var stream = z_stream()
        // 16 + 15: a gzip wrapper with the largest window.
        guard nnreport_inflate_init2(&stream, 16 + 15) == Z_OK else {
            throw ReportError.corruptDatasetFile(path: path, offset: 0, reason: "zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        let produced: Int = data.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(count)
                let status = inflate(&stream, Z_NO_FLUSH)
                guard status == Z_OK || status == Z_STREAM_END else { return -Int(stream.total_in) - 1 }
                return count - Int(stream.avail_out)
            }
        }
        guard produced >= 0 else {
            throw ReportError.corruptDatasetFile(path: path, offset: -produced - 1, reason: "gzip data is corrupt")
        }
        return Array(output.prefix(produced))
    }
}
