import Foundation

/// Why an IDX file could not be read; every message is one line that names the file.
public enum IDXError: Error, LocalizedError, CustomStringConvertible, Equatable, Sendable {
    /// Nothing exists at the path.
    case fileNotFound(path: String)
    /// The path exists but could not be read (a directory, no permission, an I/O error).
    case unreadable(path: String, reason: String)
    /// The file on disk is larger than any IDX file we accept.
    case fileTooLarge(file: String, bytes: Int, limit: Int)
    /// The file (or its inflated gzip data) has no bytes at all.
    case emptyFile(file: String)
    /// zlib rejected the gzip data; `offset` is the compressed byte where it stopped.
    case corruptGzip(file: String, offset: Int, reason: String)
    /// The gzip data inflates to more bytes than any IDX file we accept.
    case inflatedTooLarge(file: String, limit: Int)
    /// The file ends inside the header: `needed` header bytes, `available` present.
    case truncatedHeader(file: String, needed: Int, available: Int)
    /// The first two bytes are not zero, so this is not an IDX file.
    case wrongMagic(file: String, found: UInt32, expected: UInt32)
    /// The header's type byte is not 0x08 (unsigned byte).
    case unsupportedDataType(file: String, typeCode: UInt8)
    /// The header declares `found` dimensions where the file kind needs `expected`.
    case wrongDimensionCount(file: String, found: Int, expected: Int)
    /// The declared sizes exceed `IDXLimits` (or a side is zero).
    case absurdDimensions(file: String, dimensions: [Int])
    /// Fewer data bytes follow the header than its dimensions declare.
    case truncatedData(file: String, dimensions: [Int], expectedBytes: Int, remainingBytes: Int)
    /// More data bytes follow the header than its dimensions declare.
    case trailingBytes(file: String, dimensions: [Int], expectedBytes: Int, extraBytes: Int)
    /// An images file and its labels file hold different numbers of records.
    case countMismatch(imagesFile: String, images: Int, labelsFile: String, labels: Int)
    /// A label is not a class index (0 to `classCount` − 1).
    case labelOutOfRange(file: String, index: Int, label: UInt8, classCount: Int)

    /// The one-line message.
    public var description: String {
        switch self {
        case let .fileNotFound(path):
            return "\(path): no such file"
        case let .unreadable(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .fileTooLarge(file, bytes, limit):
            return "\(file): file is \(bytes) bytes, more than the \(limit)-byte limit for an IDX file"
        case let .emptyFile(file):
            return "\(file): empty file"
        case let .corruptGzip(file, offset, reason):
            return "\(file): corrupt gzip data at compressed byte \(offset): \(reason)"
        case let .inflatedTooLarge(file, limit):
            return "\(file): gzip data inflates to more than \(limit) bytes"
        case let .truncatedHeader(file, needed, available):
            return "\(file): truncated header: an IDX header of \(needed) bytes is expected but only \(available) are present"
        case let .wrongMagic(file, found, expected):
            return "\(file): not an IDX file: magic number \(Self.hex(found)), expected \(Self.hex(expected))"
        case let .unsupportedDataType(file, typeCode):
            return "\(file): unsupported IDX data type \(Self.hex(typeCode, digits: 2)) (\(Self.typeName(typeCode))); only unsigned bytes (0x08) are supported"
        case let .wrongDimensionCount(file, found, expected):
            return "\(file): wrong dimension count: the header declares \(found) dimension\(found == 1 ? "" : "s") but an IDX \(Self.kindName(dimensionCount: expected)) file has \(expected)"
        case let .absurdDimensions(file, dimensions):
            return "\(file): absurd dimensions: the header declares \(Self.describe(dimensions)); the limits are \(IDXLimits.maxItems) items, sides of 1 to \(IDXLimits.maxSide) pixels and \(IDXLimits.maxDataBytes) bytes"
        case let .truncatedData(file, dimensions, expected, remaining):
            return "\(file): truncated data: header declares \(Self.describe(dimensions)) (\(expected) bytes) but \(remaining) remain"
        case let .trailingBytes(file, dimensions, expected, extra):
            return "\(file): trailing bytes: header declares \(Self.describe(dimensions)) (\(expected) bytes) but \(extra) more byte\(extra == 1 ? "" : "s") follow"
        case let .countMismatch(imagesFile, images, labelsFile, labels):
            return "\(imagesFile): count mismatch: it holds \(images) images but \(labelsFile) holds \(labels) labels"
        case let .labelOutOfRange(file, index, label, classCount):
            return "\(file): label \(label) at index \(index) (byte \(IDXHeader.labelsHeaderSize + index)) is outside 0–\(classCount - 1)"
        }
    }

    /// Foundation's name for the message (`error.localizedDescription`).
    public var errorDescription: String? { description }

    // MARK: - Formatting

    /// "4000 images of 28x28", "4000 labels", or the dimensions joined by "x".
    static func describe(_ dimensions: [Int]) -> String {
        switch dimensions.count {
        case 3: return "\(dimensions[0]) images of \(dimensions[1])x\(dimensions[2])"
        case 1: return "\(dimensions[0]) labels"
        default: return dimensions.map(String.init).joined(separator: "x")
        }
    }

    /// "images" for 3 dimensions, "labels" for 1.
    static func kindName(dimensionCount: Int) -> String {
        dimensionCount == 3 ? "images" : dimensionCount == 1 ? "labels" : "\(dimensionCount)-dimensional"
    }

    /// The IDX specification's name for a type byte.
    static func typeName(_ code: UInt8) -> String {
        switch code {
        case 0x08: return "unsigned byte"
        case 0x09: return "signed byte"
        case 0x0B: return "short"
        case 0x0C: return "int"
        case 0x0D: return "float"
        case 0x0E: return "double"
        default: return "unknown"
        }
    }

    /// `value` as 0x-prefixed upper-case hex, zero-padded to `digits`.
    static func hex<T: BinaryInteger>(_ value: T, digits: Int = 8) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
