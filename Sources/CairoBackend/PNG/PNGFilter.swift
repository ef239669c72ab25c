/// The PNG row filters libpng may choose from (PNG spec §9); more than one lets libpng pick per row.
public struct PNGFilter: OptionSet, Hashable, Sendable, CustomStringConvertible {
    /// libpng's filter mask bits (`PNG_FILTER_NONE` = 0x08 ... `PNG_FILTER_PAETH` = 0x80).
    public let rawValue: Int32
    /// A filter mask from libpng's bits.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// No filtering: fastest, largest for smooth content.
    public static let none = PNGFilter(rawValue: 0x08)
    /// Difference to the left neighbour.
    public static let sub = PNGFilter(rawValue: 0x10)
    /// Difference to the pixel above.
    public static let up = PNGFilter(rawValue: 0x20)
    /// Difference to the mean of left and above.
    public static let average = PNGFilter(rawValue: 0x40)
    /// Paeth predictor of left, above and upper-left.
    public static let paeth = PNGFilter(rawValue: 0x80)
    /// libpng picks the best of all five per row (its default; slowest).
    public static let all: PNGFilter = [.none, .sub, .up, .average, .paeth]

    /// Names of the filters in the mask, e.g. `sub+up`.
    public var description: String {
        if self == .all { return "all" }
        let names: [(PNGFilter, String)] = [(.none, "none"), (.sub, "sub"), (.up, "up"), (.average, "avg"), (.paeth, "paeth")]
        return names.filter { contains($0.0) }.map(\.1).joined(separator: "+")
    }
}

/// The zlib strategy used for the filtered rows.
public enum PNGCompressionStrategy: Int32, Sendable, CaseIterable, CustomStringConvertible {
    /// `Z_DEFAULT_STRATEGY`.
    case `default` = 0
    /// `Z_FILTERED`: favours Huffman coding of small filtered values (libpng's default when filtering).
    case filtered = 1
    /// `Z_HUFFMAN_ONLY`: no string matching.
    case huffmanOnly = 2
    /// `Z_RLE`: matches only runs of the previous byte; fast, and good on flat figure areas.
    case rle = 3

    /// The zlib name.
    public var description: String {
        switch self {
        case .default: return "default"
        case .filtered: return "filtered"
        case .huffmanOnly: return "huffman"
        case .rle: return "rle"
        }
    }
}
