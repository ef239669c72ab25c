import Foundation

/// Why a zip archive cannot be listed or one of its entries read, as a phrase for a message.
struct ZipFormatError: Error, Equatable {
    var reason: String

    init(_ reason: String) { self.reason = reason }
}

/// Little-endian fields of a zip archive held in memory, read only after their range is checked.
struct ZipBytes {
    let data: Data

    /// The number of bytes.
    var count: Int { data.count }

    /// Whether `count` bytes from `offset` lie inside the data (sizes from the file may be any 64-bit value).
    func contains(offset: UInt64, count: UInt64) -> Bool {
        let (end, overflow) = offset.addingReportingOverflow(count)
        return !overflow && end <= UInt64(data.count)
    }

    /// The unsigned little-endian integer at `offset`; the caller has checked the range with `contains`.
    func field<T: FixedWidthInteger & UnsignedInteger>(_ type: T.Type, at offset: Int) -> T {
        precondition(offset >= 0 && offset + MemoryLayout<T>.size <= data.count, "ZipBytes: field at \(offset) is outside the data")
        var value: T = 0
        let base = data.startIndex + offset
        for index in 0..<MemoryLayout<T>.size { value |= T(data[base + index]) << (8 * index) }
        return value
    }

    /// Whether the four bytes at `offset` are the signature `PK` `a` `b`; false when they lie outside.
    func hasSignature(_ signature: UInt32, at offset: Int) -> Bool {
        offset >= 0 && contains(offset: UInt64(offset), count: 4) && field(UInt32.self, at: offset) == signature
    }

    /// The bytes in `range`; the caller has checked it.
    func bytes(_ range: Range<Int>) -> Data {
        data.subdata(in: (data.startIndex + range.lowerBound)..<(data.startIndex + range.upperBound))
    }
}

/// The record signatures of the zip format, as little-endian UInt32s of `PK` and two bytes.
enum ZipSignature {
    static let localHeader: UInt32 = 0x0403_4B50
    static let centralHeader: UInt32 = 0x0201_4B50
    static let endOfCentralDirectory: UInt32 = 0x0605_4B50
    static let zip64EndOfCentralDirectory: UInt32 = 0x0606_4B50
    static let zip64Locator: UInt32 = 0x0706_4B50
}
