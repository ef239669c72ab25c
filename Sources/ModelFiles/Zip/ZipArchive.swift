import CMinizip
import Foundation

/// Why a zip archive cannot be listed or one of its entries read, as a phrase for a message.
struct ZipFormatError: Error, Equatable {
    var reason: String

    init(_ reason: String) { self.reason = reason }
}

/// One file listed in a zip archive's central directory, as minizip reports it.
struct ZipEntry {
    /// The entry's path inside the archive, e.g. `archive/data.pkl`.
    var path: String
    /// The general-purpose flags (bit 0: encrypted).
    var flags: UInt16
    /// The compression method: 0 stored, 8 deflate.
    var method: UInt16
    /// The CRC-32 of the uncompressed bytes.
    var checksum: UInt32
    var compressedSize: UInt64
    var uncompressedSize: UInt64
    /// Where minizip finds the entry again (its central-directory position and index).
    var position: unz64_file_pos
}

/// A zip archive held in memory, zip64 included, listed and read by zlib's minizip.
///
/// minizip reads through `ZipMemoryFile`, which refuses every seek or read outside the data; this
/// type checks each entry's declared sizes before anything is allocated (see `contents(of:limit:)`).
final class ZipArchive {
    let file: ZipMemoryFile
    let handle: unzFile
    /// The entries in central-directory order.
    private(set) var entries: [ZipEntry] = []

    /// Lists the archive in `data`.
    init(_ data: Data) throws(ZipFormatError) {
        file = ZipMemoryFile(data)
        var functions = file.functions()
        guard let handle = unzOpen2_64("memory", &functions) else {
            // minizip says no more: the record is missing, or its directory does not fit the file.
            throw ZipFormatError(Self.explained("minizip finds no end-of-central-directory record that fits the file; "
                                                + "it may be truncated", file.failure))
        }
        self.handle = handle
        var global = unz_global_info64()
        guard unzGetGlobalInfo64(handle, &global) == UNZ_OK else { throw ZipFormatError("minizip cannot describe it") }
        try checkComment(size: Int(global.size_comment))
        if global.number_entry > 0 { try list() }
    }

    deinit { unzClose(handle) }

    /// Checks that the archive's comment, which minizip does not read on its own, lies inside the file.
    private func checkComment(size: Int) throws(ZipFormatError) {
        guard size > 0 else { return }
        var comment = [CChar](repeating: 0, count: size + 1)
        guard unzGetGlobalComment(handle, &comment, uLong(comment.count)) == Int32(size) else {
            throw ZipFormatError("the end-of-central-directory record's \(size)-byte comment runs past the end of the file")
        }
    }

    /// Reads every central-directory entry; the count is bounded by the file, as each entry takes 46 bytes.
    private func list() throws(ZipFormatError) {
        file.clearFailure()
        var status = unzGoToFirstFile(handle)
        while status == UNZ_OK {
            entries.append(try currentEntry())
            file.clearFailure()
            status = unzGoToNextFile(handle)
        }
        guard status == UNZ_END_OF_LIST_OF_FILE else {
            throw ZipFormatError(Self.explained("central directory entry \(entries.count) is missing or damaged "
                                                + "(\(Self.name(status)))", file.failure))
        }
    }

    /// The entry minizip stands on.
    private func currentEntry() throws(ZipFormatError) -> ZipEntry {
        func failure(_ status: Int32) -> ZipFormatError {
            ZipFormatError(Self.explained("central directory entry \(entries.count) cannot be read (\(Self.name(status)))",
                                          file.failure))
        }
        var info = unz_file_info64()
        var status = unzGetCurrentFileInfo64(handle, &info, nil, 0, nil, 0, nil, 0)
        guard status == UNZ_OK else { throw failure(status) }
        // A name is at most 65535 bytes; one more for minizip's terminating zero.
        var name = [CChar](repeating: 0, count: Int(info.size_filename) + 1)
        status = unzGetCurrentFileInfo64(handle, &info, &name, uLong(name.count), nil, 0, nil, 0)
        guard status == UNZ_OK else { throw failure(status) }
        var position = unz64_file_pos()
        status = unzGetFilePos64(handle, &position)
        guard status == UNZ_OK else { throw failure(status) }
        let nameBytes = name.prefix(Int(info.size_filename)).map { UInt8(bitPattern: $0) }
        return ZipEntry(path: String(decoding: nameBytes, as: UTF8.self), flags: UInt16(truncatingIfNeeded: info.flag),
                        method: UInt16(truncatingIfNeeded: info.compression_method), checksum: UInt32(truncatingIfNeeded: info.crc),
                        compressedSize: info.compressed_size, uncompressedSize: info.uncompressed_size,
                        position: position)
    }

    /// `reason`, followed by the I/O failure behind it when there is one.
    static func explained(_ reason: String, _ failure: String?) -> String {
        failure.map { "\(reason); \($0)" } ?? reason
    }

    /// A minizip status code in words.
    static func name(_ status: Int32) -> String {
        switch status {
        case UNZ_ERRNO: return "minizip: I/O error"
        case UNZ_PARAMERROR: return "minizip: bad parameter"
        case UNZ_BADZIPFILE: return "minizip: bad zip file"
        case UNZ_INTERNALERROR: return "minizip: internal error"
        case UNZ_CRCERROR: return "minizip: CRC error"
        default: return "minizip status \(status)"
        }
    }
}
