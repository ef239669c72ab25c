import Foundation

/// One file listed in a zip archive's central directory.
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
    /// Where the entry's local header starts.
    var localHeaderOffset: UInt64
}

/// The central directory of a zip archive held in memory, zip64 included, for untrusted files.
///
/// Every offset and size read from the file is checked against the data before it is followed,
/// and no entry is inflated past the size its directory entry declares. The end record is found as
/// ZIPFoundation finds it: the last signature at least 22 bytes before the end, its comment inside.
struct ZipArchive {
    let bytes: ZipBytes
    /// The entries in central-directory order.
    let entries: [ZipEntry]

    /// The size of the end-of-central-directory record without its comment.
    static let endRecordSize = 22
    private static let zip64LocatorSize = 20
    private static let zip64EndRecordSize = 56
    private static let centralHeaderSize = 46

    /// Lists the archive in `data`.
    init(_ data: Data) throws(ZipFormatError) {
        bytes = ZipBytes(data: data)
        guard let end = Self.endRecordOffset(bytes) else {
            throw ZipFormatError("no end-of-central-directory record; the file may be truncated")
        }
        var entryCount = UInt64(bytes.field(UInt16.self, at: end + 10))
        var directorySize = UInt64(bytes.field(UInt32.self, at: end + 12))
        var directoryOffset = UInt64(bytes.field(UInt32.self, at: end + 16))
        if let zip64 = try Self.zip64EndRecordOffset(bytes, endRecord: end) {
            entryCount = bytes.field(UInt64.self, at: zip64 + 32)
            directorySize = bytes.field(UInt64.self, at: zip64 + 40)
            directoryOffset = bytes.field(UInt64.self, at: zip64 + 48)
        }
        guard bytes.contains(offset: directoryOffset, count: directorySize) else {
            throw ZipFormatError("the central directory (\(directorySize) bytes at offset \(directoryOffset)) "
                                 + "lies outside the \(bytes.count)-byte file")
        }
        // Each entry takes at least 46 bytes, so the count is checked before anything is allocated.
        guard entryCount <= directorySize / UInt64(Self.centralHeaderSize) else {
            throw ZipFormatError("the central directory's \(directorySize) bytes cannot hold its \(entryCount) entries")
        }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(Int(entryCount))
        var position = Int(directoryOffset)
        let directoryEnd = Int(directoryOffset + directorySize)
        for index in 0..<Int(entryCount) {
            let (entry, next) = try Self.centralEntry(bytes, at: position, end: directoryEnd, index: index)
            entries.append(entry)
            position = next
        }
        self.entries = entries
    }

    // MARK: - End records

    /// The offset of the end record: the last signature at least 22 bytes before the end whose comment fits.
    static func endRecordOffset(_ bytes: ZipBytes) -> Int? {
        guard bytes.count >= endRecordSize else { return nil }
        for start in stride(from: bytes.count - endRecordSize, through: 0, by: -1)
        where bytes.hasSignature(ZipSignature.endOfCentralDirectory, at: start) {
            let commentLength = Int(bytes.field(UInt16.self, at: start + 20))
            return start + endRecordSize + commentLength <= bytes.count ? start : nil
        }
        return nil
    }

    /// The offset of the zip64 end record named by a locator just before the end record, or nil without one.
    private static func zip64EndRecordOffset(_ bytes: ZipBytes, endRecord: Int) throws(ZipFormatError) -> Int? {
        let locator = endRecord - zip64LocatorSize
        guard bytes.hasSignature(ZipSignature.zip64Locator, at: locator) else { return nil }
        let offset = bytes.field(UInt64.self, at: locator + 8)
        guard bytes.contains(offset: offset, count: UInt64(zip64EndRecordSize)),
              bytes.hasSignature(ZipSignature.zip64EndOfCentralDirectory, at: Int(offset)) else {
            throw ZipFormatError("the zip64 end record the locator names at offset \(offset) is missing")
        }
        return Int(offset)
    }

    // MARK: - Central directory

    /// The central-directory entry at `position` (before `end`) and the position of the next one.
    private static func centralEntry(_ bytes: ZipBytes, at position: Int, end: Int,
                                     index: Int) throws(ZipFormatError) -> (ZipEntry, Int) {
        func inconsistent(_ what: String) -> ZipFormatError {
            ZipFormatError("central directory entry \(index) at offset \(position) \(what)")
        }
        guard position + centralHeaderSize <= end, bytes.hasSignature(ZipSignature.centralHeader, at: position) else {
            throw inconsistent("is missing or cut short")
        }
        let nameLength = Int(bytes.field(UInt16.self, at: position + 28))
        let extraLength = Int(bytes.field(UInt16.self, at: position + 30))
        let commentLength = Int(bytes.field(UInt16.self, at: position + 32))
        let nameStart = position + centralHeaderSize
        let next = nameStart + nameLength + extraLength + commentLength
        guard next <= end else { throw inconsistent("runs past the end of the central directory") }

        var entry = ZipEntry(
            path: String(decoding: bytes.bytes(nameStart..<(nameStart + nameLength)), as: UTF8.self),
            flags: bytes.field(UInt16.self, at: position + 8),
            method: bytes.field(UInt16.self, at: position + 10),
            checksum: bytes.field(UInt32.self, at: position + 16),
            compressedSize: UInt64(bytes.field(UInt32.self, at: position + 20)),
            uncompressedSize: UInt64(bytes.field(UInt32.self, at: position + 24)),
            localHeaderOffset: UInt64(bytes.field(UInt32.self, at: position + 42)))
        try applyZip64Sizes(bytes, extra: (nameStart + nameLength)..<(nameStart + nameLength + extraLength),
                            to: &entry, failure: inconsistent)
        return (entry, next)
    }

    /// Replaces the 32-bit sizes and offset saturated at 0xFFFFFFFF by those of the zip64 extra field.
    private static func applyZip64Sizes(_ bytes: ZipBytes, extra: Range<Int>, to entry: inout ZipEntry,
                                        failure: (String) -> ZipFormatError) throws(ZipFormatError) {
        let saturated = UInt64(UInt32.max)
        var position = extra.lowerBound
        while position + 4 <= extra.upperBound {
            let id = bytes.field(UInt16.self, at: position)
            let size = Int(bytes.field(UInt16.self, at: position + 2))
            let body = position + 4
            guard body + size <= extra.upperBound else { throw failure("has an extra field that runs past its end") }
            if id == 0x0001 {
                // Only the saturated values are present, in this order.
                var field = body
                for keyPath in [\ZipEntry.uncompressedSize, \ZipEntry.compressedSize, \ZipEntry.localHeaderOffset]
                where entry[keyPath: keyPath] == saturated {
                    guard field + 8 <= body + size else { throw failure("has a zip64 extra field that is too short") }
                    entry[keyPath: keyPath] = bytes.field(UInt64.self, at: field)
                    field += 8
                }
            }
            position = body + size
        }
    }
}
