import Foundation

/// The size of a PNG image, read from its signature and IHDR chunk (the first chunk of every PNG).
public struct PNGHeader: Equatable, Sendable {
    /// Image width in device pixels.
    public let width: Int
    /// Image height in device pixels.
    public let height: Int

    /// The 8-byte PNG signature.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Reads the header; nil if the bytes are not a PNG (bad signature, or IHDR not first).
    public init?(_ data: Data) {
        let bytes = [UInt8](data.prefix(33))
        // signature (8) + chunk length (4) + "IHDR" (4) + width (4) + height (4) + depth, colour, ... (5) + CRC (4)
        guard bytes.count == 33, Array(bytes[0..<8]) == PNGHeader.signature,
              bytes[12...15].elementsEqual("IHDR".utf8) else { return nil }
        func bigEndian(_ offset: Int) -> Int {
            bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
        }
        guard bigEndian(8) == 13 else { return nil }
        width = bigEndian(16)
        height = bigEndian(20)
        guard width > 0, height > 0 else { return nil }
    }
}
