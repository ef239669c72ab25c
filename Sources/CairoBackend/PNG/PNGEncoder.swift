import CPNG
import Foundation
import Plotting

/// Encodes pixels as PNG bytes with libpng's write API, with a chosen zlib level, row filters and strategy, or, for
/// opaque canvases with the `figures` settings, with our own run-length deflate (`PNGEncoder+RunLength.swift`).
///
/// Opaque images are written as 8-bit RGB (colour type 2), others as 8-bit RGBA (colour type 6). No time
/// or text chunks are written, so identical pixels and settings always give identical bytes.
///
/// Errors: libpng's write API reports errors by `longjmp`, which Swift cannot catch. Every input libpng
/// could reject (size, bit depth, colour type, level) is validated here first, and output goes to memory
/// through our own callback that cannot fail, so the only remaining libpng error is running out of memory.
public enum PNGEncoder {
    /// zlib level, row filters and strategy for one encode.
    public struct Settings: Hashable, Sendable, CustomStringConvertible {
        /// zlib compression level, 0 (store) to 9 (smallest).
        public var compressionLevel: Int
        /// Row filters libpng may choose from.
        public var filter: PNGFilter
        /// zlib strategy.
        public var strategy: PNGCompressionStrategy
        /// Which deflate compressor writes the opaque canvas path.
        public var compressor: PNGCompressor

        /// Settings from their parts; `.runLength` needs the UP filter (its level and strategy are not used).
        public init(compressionLevel: Int, filter: PNGFilter, strategy: PNGCompressionStrategy, compressor: PNGCompressor = .zlib) {
            precondition((0...9).contains(compressionLevel), "PNG compression level \(compressionLevel) is not in 0...9")
            precondition(compressor == .zlib || filter == .up, "the run-length compressor works on UP-filtered rows")
            self.compressionLevel = compressionLevel
            self.filter = filter
            self.strategy = strategy
            self.compressor = compressor
        }

        /// The project's choice for figures: the UP filter and our `RunLengthDeflate` (opaque canvases; other
        /// images fall back to zlib level 1 with UP and `Z_RLE`).
        ///
        /// Measured by `nnreport-bench figures` on the classification figure (1520x760 device pixels, release
        /// build, 2 shared cores, CPU time): run-length 1.6 ms / 49.5 KB; zlib level 1 + UP (`zlibFast`) 10.3 ms /
        /// 39.2 KB; zlib level 1 + UP with `Z_RLE` 13.4 ms / 48 KB; level 1 + SUB 14.6 ms / 57 KB; level 1 + PAETH
        /// 16.8 ms / 39.3 KB; level 1 without filter 10.1 ms / 53 KB; level 6 + UP (`compact`) 27.5 ms / 26.1 KB;
        /// libpng's default (level 6, all filters) 53 ms / 25.7 KB. UP turns white rows and the vertical runs of
        /// bars and grid lines into zeros, which the run-length coder skips 8 bytes (or a whole row) at a time.
        /// About 6x faster than zlib's fastest for 1.25x the bytes: the encode was the slowest step of a figure
        /// (render takes 1–3 ms), and the report's goal is speed.
        public static let figures = Settings(compressionLevel: 1, filter: .up, strategy: .rle, compressor: .runLength)

        /// zlib's fastest level with the UP filter: 20% smaller than `figures`, about 6x slower.
        public static let zlibFast = Settings(compressionLevel: 1, filter: .up, strategy: .filtered)

        /// Level 6 with UP: libpng's default size (within 1.5%) in under half its time, for when bytes matter more.
        public static let compact = Settings(compressionLevel: 6, filter: .up, strategy: .filtered)

        /// libpng's own defaults: level 6, adaptive choice of all filters, `Z_FILTERED`.
        public static let libpngDefault = Settings(compressionLevel: 6, filter: .all, strategy: .filtered)

        /// e.g. `level 6, sub, rle`, or `run-length, up`.
        public var description: String {
            compressor == .runLength ? "run-length, \(filter)" : "level \(compressionLevel), \(filter), \(strategy)"
        }
    }

    /// The deflate compressor behind an encode.
    public enum PNGCompressor: Sendable, Hashable {
        /// libpng with zlib at the settings' level and strategy.
        case zlib
        /// Our `RunLengthDeflate` on UP-filtered rows: runs of a repeated byte only, several times faster than
        /// zlib on figures. Used for opaque canvases; other images fall back to zlib level 1.
        case runLength
    }

    /// Encodes a straight-alpha RGBA image; written as RGB when every pixel is opaque.
    public static func encode(_ image: RGBAImage, settings: Settings = .figures) throws -> [UInt8] {
        try validate(width: image.width, height: image.height)
        let opaque = isOpaque(image)
        return try image.pixels.withUnsafeBufferPointer { pixels in
            let base = pixels.baseAddress!
            let rowBytes = image.width * 4
            // Opaque: libpng strips the 4th (alpha) byte of each pixel itself, so no RGB copy is made.
            return try write(width: image.width, height: image.height, layout: opaque ? .rgbx : .rgba, settings: settings) { y in
                base + y * rowBytes
            }
        }
    }

    /// Encodes a straight-alpha RGBA image with an explicit level and filter (and the figures' strategy).
    public static func encode(_ image: RGBAImage, compressionLevel: Int, filter: PNGFilter) throws -> [UInt8] {
        try encode(image, settings: Settings(compressionLevel: compressionLevel, filter: filter, strategy: Settings.figures.strategy))
    }

    /// Encodes an opaque Cairo ARGB32 buffer (native-endian 32-bit words, alpha 255) as RGB.
    ///
    /// Each row is packed to R, G, B here, one row at a time into a scratch row that libpng copies, rather
    /// than by libpng's filler and BGR transforms: those run byte by byte and took about 40% of the encode
    /// (perf on `nnreport-bench figures`); the packing loop below costs about 1 ms per megapixel.
    static func encodeOpaqueARGB32(_ data: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int,
                                   settings: Settings) throws -> [UInt8] {
        try validate(width: width, height: height)
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: width * 3)
        defer { scratch.deallocate() }
        return try write(width: width, height: height, layout: .rgb, settings: settings) { y in
            let words = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            packRGB(words, count: width, into: scratch)
            return UnsafePointer(scratch)
        }
    }

    /// Stores four native 0xAARRGGBB words as twelve bytes R, G, B, R, G, B, … at `offset`.
    @inline(__always)
    static func storeFourRGB(_ p0: UInt32, _ p1: UInt32, _ p2: UInt32, _ p3: UInt32,
                             to raw: UnsafeMutableRawPointer, at offset: Int) {
        // Memory order little-endian: the first byte is the lowest.
        let a = rgbLowBytes(p0) | (p1 >> 16 & 0xFF) << 24
        let b = (p1 >> 8 & 0xFF) | (p1 & 0xFF) << 8 | (p2 >> 16 & 0xFF) << 16 | (p2 >> 8 & 0xFF) << 24
        let c = (p2 & 0xFF) | rgbLowBytes(p3) << 8
        raw.storeBytes(of: a.littleEndian, toByteOffset: offset, as: UInt32.self)
        raw.storeBytes(of: b.littleEndian, toByteOffset: offset + 4, as: UInt32.self)
        raw.storeBytes(of: c.littleEndian, toByteOffset: offset + 8, as: UInt32.self)
    }

    /// Writes R, G, B of `count` native-endian 0xAARRGGBB words as 3 bytes each (alpha dropped).
    ///
    /// Four pixels at a time become three 32-bit stores (R0 G0 B0 R1 | G1 B1 R2 G2 | B2 R3 G3 B3 in memory),
    /// built with shifts so the byte order is right on either endianness.
    @inline(__always)
    static func packRGB(_ words: UnsafePointer<UInt32>, count: Int, into rgb: UnsafeMutablePointer<UInt8>) {
        let raw = UnsafeMutableRawPointer(rgb)
        var x = 0, offset = 0
        while x + 4 <= count {
            storeFourRGB(words[x], words[x + 1], words[x + 2], words[x + 3], to: raw, at: offset)
            x += 4
            offset += 12
        }
        while x < count {
            let word = words[x]
            rgb[offset] = UInt8(truncatingIfNeeded: word >> 16)
            rgb[offset + 1] = UInt8(truncatingIfNeeded: word >> 8)
            rgb[offset + 2] = UInt8(truncatingIfNeeded: word)
            x += 1
            offset += 3
        }
    }

    /// R, G, B of a 0xAARRGGBB word in the low three bytes, R lowest: 0x00BBGGRR.
    @inline(__always)
    static func rgbLowBytes(_ word: UInt32) -> UInt32 {
        (word >> 16 & 0xFF) | (word & 0xFF00) | (word & 0xFF) << 16
    }

    // MARK: - Validation

    /// libpng's default user limit on either dimension.
    static let maximumDimension = 1_000_000

    static func validate(width: Int, height: Int) throws {
        guard width > 0, height > 0 else {
            throw PNGError.invalidImage(width: width, height: height, reason: "PNG needs at least one pixel in each direction")
        }
        guard width <= maximumDimension, height <= maximumDimension else {
            throw PNGError.invalidImage(width: width, height: height,
                                        reason: "a dimension exceeds libpng's limit of \(maximumDimension) pixels")
        }
    }

    /// Every alpha byte is 255.
    static func isOpaque(_ image: RGBAImage) -> Bool {
        image.pixels.withUnsafeBufferPointer { pixels in
            var index = 3
            while index < pixels.count {
                if pixels[index] != 255 { return false }
                index += 4
            }
            return true
        }
    }

    // MARK: - libpng

    /// How the bytes of each input pixel are laid out, and so what libpng must do to them.
    enum PixelLayout {
        /// R, G, B, A written as RGBA.
        case rgba
        /// R, G, B, ignored: written as RGB.
        case rgbx
        /// R, G, B packed, 3 bytes per pixel: written as RGB with no transformation.
        case rgb
    }

    /// Collects the bytes libpng writes and its error or warning text.
    private final class WriteSink {
        var bytes: [UInt8] = []
        var message: String?
    }

    /// Runs libpng's write API over `height` rows of pixels in `layout`; `row(y)` returns the start of row y.
    private static func write(width: Int, height: Int, layout: PixelLayout, settings: Settings,
                              row: (Int) -> UnsafePointer<UInt8>) throws -> [UInt8] {
        let sink = WriteSink()
        sink.bytes.reserveCapacity(width * height / 8 + 1024)
        return try withExtendedLifetime(sink) {
            let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
            guard let created = png_create_write_struct(PNG_LIBPNG_VER_STRING, sinkPointer, { png, message in
                // Runs on a libpng error; libpng aborts after it returns (no setjmp from Swift). See the type comment.
                guard let pointer = png_get_error_ptr(png) else { return }
                Unmanaged<WriteSink>.fromOpaque(pointer).takeUnretainedValue().message = message.map { String(cString: $0) }
            }, { png, message in
                guard let pointer = png_get_error_ptr(png) else { return }
                Unmanaged<WriteSink>.fromOpaque(pointer).takeUnretainedValue().message = message.map { String(cString: $0) }
            }) else {
                throw PNGError.encodingFailed(reason: "png_create_write_struct failed (libpng version mismatch or no memory)")
            }
            var png: png_structp? = created
            var info = png_create_info_struct(png)
            defer { png_destroy_write_struct(&png, &info) }
            guard info != nil else { throw PNGError.encodingFailed(reason: "png_create_info_struct failed (no memory)") }

            png_set_write_fn(png, sinkPointer, { png, data, length in
                guard let pointer = png_get_io_ptr(png), let data else { return }
                Unmanaged<WriteSink>.fromOpaque(pointer).takeUnretainedValue()
                    .bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: length))
            }, nil)
            png_set_compression_level(png, Int32(settings.compressionLevel))
            png_set_compression_strategy(png, settings.strategy.rawValue)
            png_set_filter(png, PNG_FILTER_TYPE_BASE, settings.filter.rawValue)

            let colorType = layout == .rgba ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB
            png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8, colorType,
                         PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE)
            png_write_info(png, info)
            // Transformations are set after the header, once libpng knows the colour type.
            switch layout {
            case .rgba: break
            case .rgbx: png_set_filler(png, 0, PNG_FILLER_AFTER)
            case .rgb: break
            }
            for y in 0..<height { png_write_row(png, row(y)) }
            png_write_end(png, nil)
            return sink.bytes
        }
    }
}
