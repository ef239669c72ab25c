import CMinizip
import Foundation

extension ZipArchive {
    /// The most bytes deflate produces from one compressed byte (zlib's FAQ: 1032:1).
    static let deflateRatioLimit: UInt64 = 1032

    /// The uncompressed bytes of `entry`, which must declare at most `limit` of them; CRC-32 checked.
    ///
    /// The declared size is checked against `limit`, the method, and the compressed bytes the file
    /// holds before the buffer is allocated, and minizip never inflates past it.
    func contents(of entry: ZipEntry, limit: UInt64) throws(ZipFormatError) -> Data {
        let declared = entry.uncompressedSize
        guard declared <= limit else {
            throw ZipFormatError("it declares \(declared) bytes, more than the limit of \(limit)")
        }
        guard entry.flags & 1 == 0 else { throw ZipFormatError("it is encrypted") }
        switch entry.method {
        case 0:
            guard entry.compressedSize == declared else {
                throw ZipFormatError("it is stored, yet its sizes differ (\(entry.compressedSize) and \(declared) bytes)")
            }
        case 8:
            let (most, overflow) = entry.compressedSize.multipliedReportingOverflow(by: Self.deflateRatioLimit)
            guard overflow || declared <= most else {
                throw ZipFormatError("it declares \(declared) bytes from \(entry.compressedSize) compressed bytes, "
                                     + "more than deflate can produce")
            }
        default:
            throw ZipFormatError("compression method \(entry.method) is not supported (only stored and deflate)")
        }
        try open(entry)
        var closed = false
        defer { if !closed { unzCloseCurrentFile(handle) } }
        try checkCompressedBytes(of: entry)

        var contents = Data(count: Int(declared))
        // Data's closure rethrows untyped errors: the typed one comes out as a Result.
        let produced = try contents.withUnsafeMutableBytes { buffer in
            Result { () throws(ZipFormatError) in try readCurrent(into: buffer) }
        }.get()
        guard produced == Int(declared) else { throw ZipFormatError("\(produced) of its \(declared) bytes are present") }
        file.clearFailure()
        closed = true
        // minizip compares the CRC-32 of what it read with the declared one here.
        let status = unzCloseCurrentFile(handle)
        guard status != UNZ_CRCERROR else { throw ZipFormatError("CRC-32 mismatch") }
        guard status == UNZ_OK else { throw ZipFormatError(Self.explained("it cannot be closed (\(Self.name(status)))", file.failure)) }
        return contents
    }

    /// Moves minizip to `entry` and opens it, which reads and checks its local header.
    private func open(_ entry: ZipEntry) throws(ZipFormatError) {
        file.clearFailure()
        var position = entry.position
        var status = unzGoToFilePos64(handle, &position)
        guard status == UNZ_OK else {
            throw ZipFormatError(Self.explained("its central directory entry cannot be read again (\(Self.name(status)))",
                                                file.failure))
        }
        status = unzOpenCurrentFile(handle)
        guard status == UNZ_OK else {
            throw ZipFormatError(Self.explained("its local header is missing or disagrees with its central directory entry "
                                                + "(\(Self.name(status)))", file.failure))
        }
    }

    /// Checks that the open entry's compressed bytes lie inside the file, so no read runs past it.
    private func checkCompressedBytes(of entry: ZipEntry) throws(ZipFormatError) {
        let start = unzGetCurrentFileZStreamPos64(handle)
        let (end, overflow) = start.addingReportingOverflow(entry.compressedSize)
        guard !overflow, end <= UInt64(file.data.count) else {
            throw ZipFormatError("its \(entry.compressedSize) compressed bytes at offset \(start) run past the end of the file")
        }
    }

    /// Reads the open entry into `buffer` until minizip reports its end; the number of bytes read.
    private func readCurrent(into buffer: UnsafeMutableRawBufferPointer) throws(ZipFormatError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var produced = 0
        file.clearFailure()
        while produced < buffer.count {
            // minizip counts in 32 bits: large records are read in pieces.
            let piece = UInt32(min(buffer.count - produced, 1 << 30))
            let status = unzReadCurrentFile(handle, base + produced, piece)
            if status == 0 { break }
            guard status > 0 else { throw readFailure(status) }
            produced += Int(status)
        }
        return produced
    }

    /// The error for a negative status of `unzReadCurrentFile`: minizip's own or zlib's inflate code.
    private func readFailure(_ status: Int32) -> ZipFormatError {
        switch status {
        case Z_DATA_ERROR: return ZipFormatError("its deflate data is corrupt (zlib: Z_DATA_ERROR)")
        case Z_BUF_ERROR: return ZipFormatError("its deflate data ends before its declared size (zlib: Z_BUF_ERROR)")
        case Z_MEM_ERROR: return ZipFormatError("zlib ran out of memory inflating it")
        default: return ZipFormatError(Self.explained("it cannot be read (\(Self.name(status)))", file.failure))
        }
    }
}
