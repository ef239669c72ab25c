import CPNG
import Foundation
import Plotting

/// Decodes PNG bytes or files into straight-alpha 8-bit `RGBAImage`s with libpng's simplified API.
///
/// The simplified API catches libpng's errors itself and reports them by return value, so corrupt input
/// becomes a `PNGError` rather than an abort. Any PNG colour type or bit depth is converted to RGBA8.
public enum PNGDecoder {
    /// The 8-byte signature every PNG starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The largest image (in pixels) the decoder allocates: 256 Mpx, far above any figure.
    static let maximumPixelCount = 1 << 28

    /// Decodes PNG bytes; `source` names them in errors (a path, or "PNG data").
    public static func decode(_ bytes: [UInt8], source: String = "PNG data") throws -> RGBAImage {
        guard bytes.count >= signature.count, Array(bytes.prefix(signature.count)) == signature else {
            throw PNGError.notPNG(source: source, byteCount: bytes.count)
        }
        if let problem = chunkRunningPastTheEnd(bytes) { throw PNGError.corrupt(source: source, reason: problem) }
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        let began = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard began != 0 else { throw PNGError.corrupt(source: source, reason: message(of: &image)) }
        let width = Int(image.width), height = Int(image.height)
        guard width * height <= maximumPixelCount else { throw PNGError.tooLarge(source: source, width: width, height: height) }
        guard imageDataByteCount(header: bytes) <= bytes.count * maximumInflation else {
            throw PNGError.sizeBeyondData(source: source, width: width, height: height, byteCount: bytes.count)
        }
        image.format = nnreport_png_format_rgba
        var failure: String?
        let pixels = [UInt8](unsafeUninitializedCapacity: Int(nnreport_png_image_size(image))) { buffer, initialized in
            // libpng writes every pixel when it succeeds; on failure the bytes are dropped unread.
            if png_image_finish_read(&image, nil, buffer.baseAddress, 0, nil) != 0 {
                initialized = buffer.count
            } else {
                failure = message(of: &image)
            }
        }
        if let failure { throw PNGError.corrupt(source: source, reason: failure) }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    // MARK: - Plausible sizes

    /// Why a chunk before IEND cannot be whole, or nil when every chunk's declared length fits the file.
    ///
    /// libpng allocates a text or profile chunk's declared length before it reads the chunk, so a
    /// 54-byte file declaring a 1.2 GB zTXt chunk would make it allocate 1.2 GB; such files stop here.
    static func chunkRunningPastTheEnd(_ bytes: [UInt8]) -> String? {
        var offset = signature.count
        // Each chunk: length (4, big-endian), type (4), data (length), CRC (4).
        while offset + 8 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let type = bytes[(offset + 4)..<(offset + 8)]
            let remaining = bytes.count - offset - 12
            if length > remaining {
                return "chunk \(chunkName(type)) at byte \(offset) declares \(length) bytes of data but the file has room for "
                    + "\(max(remaining, 0))"
            }
            if type.elementsEqual("IEND".utf8) { return nil }
            offset += 12 + length
        }
        return nil
    }

    /// `'IDAT'` for a chunk type of letters, its bytes in hex otherwise.
    private static func chunkName(_ type: ArraySlice<UInt8>) -> String {
        let isLetters = type.allSatisfy { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        return isLetters ? "'\(String(decoding: type, as: UTF8.self))'"
            : "0x" + type.map { String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined()
    }

    /// At most how many bytes deflate turns one compressed byte into (zlib documents 1032:1).
    static let maximumInflation = 1032

    /// The bytes of pixel data (filter bytes aside) the image header at the start of `bytes` declares.
    ///
    /// A file of n bytes inflates to at most 1032 n, so a header declaring more cannot be filled: such a
    /// file is refused before its RGBA buffer is allocated (a 100-byte file could otherwise claim 1 GiB).
    /// libpng has accepted the header, so IHDR comes first and its depth and colour type are valid.
    static func imageDataByteCount(header bytes: [UInt8]) -> Int {
        guard bytes.count >= 26 else { return 0 }
        func uint32(at offset: Int) -> Int {
            Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
        }
        // Signature (8), chunk length (4) and type (4), then width, height, bit depth, colour type.
        let width = uint32(at: 16), height = uint32(at: 20)
        let depth = Int(bytes[24])
        let channels: Int
        switch bytes[25] {
        case 2: channels = 3   // RGB
        case 4: channels = 2   // grey + alpha
        case 6: channels = 4   // RGBA
        default: channels = 1  // grey, palette
        }
        return height * ((width * channels * depth + 7) / 8)
    }

    /// Decodes a PNG file.
    public static func decode(contentsOf url: URL) throws -> RGBAImage {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw PNGError.io(path: url.path, reason: "cannot read the file (\(error.localizedDescription))")
        }
        return try decode([UInt8](data), source: url.path)
    }

    /// libpng's message from the image's fixed 64-byte buffer.
    private static func message(of image: inout png_image) -> String {
        let text = withUnsafeBytes(of: &image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return text.isEmpty ? "libpng gave no reason" : text
    }
}

private extension String {
    /// The string with zeros in front up to `width` characters.
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
