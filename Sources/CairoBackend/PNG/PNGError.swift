import Foundation

/// A failure to encode or decode a PNG, with the file (if any) and libpng's reason.
public enum PNGError: Error, Equatable, LocalizedError, CustomStringConvertible {
    /// The bytes do not start with the 8-byte PNG signature.
    case notPNG(source: String, byteCount: Int)
    /// libpng rejected the data (corrupt chunk, bad CRC, truncated stream, ...).
    case corrupt(source: String, reason: String)
    /// The image header announces a size this decoder refuses to allocate.
    case tooLarge(source: String, width: Int, height: Int)
    /// The image header announces more pixels than the file's `byteCount` bytes could inflate to.
    case sizeBeyondData(source: String, width: Int, height: Int, byteCount: Int)
    /// The image cannot be written as a PNG (for example zero width or height).
    case invalidImage(width: Int, height: Int, reason: String)
    /// libpng failed while writing.
    case encodingFailed(reason: String)
    /// A file could not be read or written.
    case io(path: String, reason: String)

    /// One line that says what failed and why.
    public var description: String {
        switch self {
        case let .notPNG(source, byteCount):
            return "\(source) is not a PNG: its \(byteCount) bytes do not start with the PNG signature"
        case let .corrupt(source, reason):
            return "\(source) is a corrupt PNG: \(reason)"
        case let .tooLarge(source, width, height):
            return "\(source) declares \(width)x\(height) pixels, more than the decoder accepts"
        case let .sizeBeyondData(source, width, height, byteCount):
            return "\(source) declares \(width)x\(height) pixels, more than its \(byteCount) bytes can hold"
        case let .invalidImage(width, height, reason):
            return "cannot encode a \(width)x\(height) image as PNG: \(reason)"
        case let .encodingFailed(reason):
            return "PNG encoding failed: \(reason)"
        case let .io(path, reason):
            return "\(path): \(reason)"
        }
    }

    /// The same line, for `localizedDescription`.
    public var errorDescription: String? { description }
}
