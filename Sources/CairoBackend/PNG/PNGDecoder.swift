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
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        let began = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard began != 0 else { throw PNGError.corrupt(source: source, reason: message(of: &image)) }
        let width = Int(image.width), height = Int(image.height)
        guard width * height <= maximumPixelCount else { throw PNGError.tooLarge(source: source, width: width, height: height) }
        image.format = nnreport_png_format_rgba
        var pixels = [UInt8](repeating: 0, count: Int(nnreport_png_image_size(image)))
        let finished = pixels.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
        guard finished != 0 else { throw PNGError.corrupt(source: source, reason: message(of: &image)) }
        return RGBAImage(width: width, height: height, pixels: pixels)
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
