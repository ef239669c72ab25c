import CZlibSystem

/// The inflated bytes of a gzip file (one or more concatenated members), decoded by zlib as they are read.
final class GzipInflater: ByteStream {
    /// The compressed file (kept alive: zlib reads from its memory).
    private let file: FileBytes
    /// zlib's state; heap-allocated because zlib keeps a pointer back to it and rejects a moved stream.
    private let stream: UnsafeMutablePointer<z_stream>
    /// Set when the last member's end has been reached with no input left.
    private var finished = false

    /// Whether `bytes` starts with the gzip magic number 1f 8b.
    static func isGzip(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// Prepares to inflate `file`, whose bytes must start with the gzip magic.
    init(file: FileBytes) throws {
        self.file = file
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        stream.pointee.next_in = file.bytes.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = uInt(file.bytes.count)
        // 16 + 15: gzip wrapper only (we detected it by its magic), largest window.
        let status = nnreport_inflate_init2(stream, 16 + 15)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw IDXError.corruptGzip(file: file.name, offset: 0, reason: "zlib could not start (error \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var produced = 0
        while produced < buffer.count && !finished {
            // avail_out is 32-bit: feed very large buffers in pieces.
            let chunk = min(buffer.count - produced, Int(UInt32.max))
            stream.pointee.next_out = (buffer.baseAddress! + produced).assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(chunk)
            let status = inflate(stream, Z_NO_FLUSH)
            produced += chunk - Int(stream.pointee.avail_out)
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                try startNextMemberOrFinish()
            case Z_BUF_ERROR where stream.pointee.avail_in == 0:
                throw corrupt("unexpected end of compressed data")
            case Z_NEED_DICT:
                throw corrupt("stream needs a preset dictionary")
            case Z_DATA_ERROR:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "invalid compressed data"
                throw corrupt(message)
            case Z_MEM_ERROR:
                throw corrupt("zlib ran out of memory")
            default:
                throw corrupt("zlib error \(status)")
            }
        }
        return produced
    }

    // MARK: - Members

    /// After a member's end: finish if no input is left, go on if another member follows, else reject the junk.
    private func startNextMemberOrFinish() throws {
        let remaining = Int(stream.pointee.avail_in)
        if remaining == 0 {
            finished = true
            return
        }
        let next = UnsafeRawBufferPointer(start: stream.pointee.next_in, count: remaining)
        guard Self.isGzip(next) else {
            throw corrupt("\(remaining) bytes that are not a gzip member follow the compressed data")
        }
        let status = inflateReset(stream)
        guard status == Z_OK else { throw corrupt("zlib could not start the next member (error \(status))") }
    }

    /// A corrupt-gzip error at the current compressed offset.
    private func corrupt(_ reason: String) -> IDXError {
        .corruptGzip(file: file.name, offset: file.bytes.count - Int(stream.pointee.avail_in), reason: reason)
    }
}
