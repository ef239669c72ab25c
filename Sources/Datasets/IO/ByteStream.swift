/// A forward-only source of a file's decoded bytes: the raw bytes, or the inflated gzip data.
protocol ByteStream: AnyObject {
    /// Fills `buffer` from the stream; returns fewer bytes than `buffer.count` only at the end of the data.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

extension ByteStream {
    /// Reads and discards the rest of the stream, counting its bytes, and stops once more than `limit` are seen.
    func countRemainingBytes(limit: Int) throws -> Int {
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { scratch.deallocate() }
        var total = 0
        while total <= limit {
            let got = try read(into: scratch)
            total += got
            if got < scratch.count { break }
        }
        return total
    }
}

/// The bytes of an uncompressed file, served in order.
final class RawByteStream: ByteStream {
    /// The file the bytes come from (kept alive while the stream is read).
    private let file: FileBytes
    /// The offset of the next byte to serve.
    private var offset = 0

    /// Serves `file`'s bytes from the start.
    init(file: FileBytes) { self.file = file }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, file.bytes.count - offset)
        guard count > 0 else { return 0 }
        buffer.baseAddress!.copyMemory(from: file.bytes.baseAddress! + offset, byteCount: count)
        offset += count
        return count
    }
}
