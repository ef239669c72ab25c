/// The validated header of an unsigned-byte IDX file: magic 0x0000_08_nn, then nn big-endian UInt32 sizes.
struct IDXHeader {
    /// The declared sizes, outermost first: [count, rows, cols] for images, [count] for labels.
    let dimensions: [Int]

    /// The bytes of an images header (magic + 3 sizes).
    static let imagesHeaderSize = 16
    /// The bytes of a labels header (magic + 1 size).
    static let labelsHeaderSize = 8
    /// The IDX type byte for unsigned bytes.
    static let unsignedByteType: UInt8 = 0x08

    /// The number of data bytes the header declares (one byte per element).
    var dataByteCount: Int { dimensions.reduce(1, *) }

    /// The header's magic number for `dimensionCount` dimensions of unsigned bytes (0x803 for images).
    static func magic(dimensionCount: Int) -> UInt32 {
        UInt32(unsignedByteType) << 8 | UInt32(dimensionCount)
    }

    /// Reads and validates the header at the start of `stream`, which must declare `dimensionCount` sizes.
    static func read(from stream: ByteStream, file: String, dimensionCount: Int) throws -> IDXHeader {
        let expectedSize = 4 + 4 * dimensionCount
        var magicBytes = [UInt8](repeating: 0, count: 4)
        let gotMagic = try magicBytes.withUnsafeMutableBytes { try stream.read(into: $0) }
        if gotMagic == 0 { throw IDXError.emptyFile(file: file) }
        guard gotMagic == 4 else {
            throw IDXError.truncatedHeader(file: file, needed: expectedSize, available: gotMagic)
        }

        // Magic: two zero bytes, the type byte, the number of dimensions.
        let found = bigEndianUInt32(magicBytes, at: 0)
        let expected = magic(dimensionCount: dimensionCount)
        guard magicBytes[0] == 0, magicBytes[1] == 0 else {
            throw IDXError.wrongMagic(file: file, found: found, expected: expected)
        }
        guard magicBytes[2] == unsignedByteType else {
            throw IDXError.unsupportedDataType(file: file, typeCode: magicBytes[2])
        }
        guard Int(magicBytes[3]) == dimensionCount else {
            throw IDXError.wrongDimensionCount(file: file, found: Int(magicBytes[3]), expected: dimensionCount)
        }

        var sizeBytes = [UInt8](repeating: 0, count: 4 * dimensionCount)
        let gotSizes = try sizeBytes.withUnsafeMutableBytes { try stream.read(into: $0) }
        guard gotSizes == sizeBytes.count else {
            throw IDXError.truncatedHeader(file: file, needed: expectedSize, available: 4 + gotSizes)
        }
        let dimensions = (0..<dimensionCount).map { Int(bigEndianUInt32(sizeBytes, at: 4 * $0)) }
        guard withinLimits(dimensions) else { throw IDXError.absurdDimensions(file: file, dimensions: dimensions) }
        return IDXHeader(dimensions: dimensions)
    }

    // MARK: - Helpers

    /// Whether the item count, the image sides and the total stay inside `IDXLimits` (checked without overflow).
    private static func withinLimits(_ dimensions: [Int]) -> Bool {
        guard let count = dimensions.first, count <= IDXLimits.maxItems else { return false }
        let sides = dimensions.dropFirst()
        guard sides.allSatisfy({ (1...IDXLimits.maxSide).contains($0) }) else { return false }
        // count ≤ 1e7 and sides ≤ 1024 keep this product far from Int overflow.
        return dimensions.reduce(1, *) <= IDXLimits.maxDataBytes
    }

    /// The big-endian UInt32 at `offset` of `bytes`.
    private static func bigEndianUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}
