import CCairo
import Foundation
import Plotting

/// A canvas on a Cairo ARGB32 image surface at a device scale, for PNG output.
///
/// A 6x4 inch figure at 100 dpi has `size` 600x400; at the default scale 2 it renders 1200x800 device
/// pixels, shown at 600x400 CSS pixels on high-density screens.
public final class CairoCanvas: CairoSurfaceCanvas {
    /// The largest side Cairo's image surfaces accept.
    static let maximumPixelSide = 32767

    /// Device pixels across.
    public let pixelWidth: Int
    /// Device pixels down.
    public let pixelHeight: Int
    /// The canvas was painted with an opaque background, so every pixel stays opaque: drawing only uses
    /// Cairo's OVER operator, whose result alpha over an opaque pixel is exactly 255 (a + 255·(255 − a)/255).
    private let paintedOpaque: Bool

    /// A canvas of `size` figure pixels at `scale`, filled with `background` (nil leaves it transparent).
    public init(size: Size, scale: Double = 2, background: Color? = .white) throws {
        guard size.width.isFinite, size.height.isFinite, scale.isFinite, scale > 0 else {
            throw CairoError.invalidCanvasSize(width: size.width, height: size.height, scale: scale,
                                               reason: "size and scale must be finite and the scale positive")
        }
        let pixelWidth = Int((size.width * scale).rounded())
        let pixelHeight = Int((size.height * scale).rounded())
        guard pixelWidth >= 1, pixelHeight >= 1 else {
            throw CairoError.invalidCanvasSize(width: size.width, height: size.height, scale: scale,
                                               reason: "it has no device pixels (\(pixelWidth)x\(pixelHeight))")
        }
        guard pixelWidth <= Self.maximumPixelSide, pixelHeight <= Self.maximumPixelSide else {
            throw CairoError.invalidCanvasSize(width: size.width, height: size.height, scale: scale,
                                               reason: "\(pixelWidth)x\(pixelHeight) device pixels exceed Cairo's limit of \(Self.maximumPixelSide)")
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight)) else {
            throw CairoError.surfaceCreationFailed(kind: "image", pixelWidth: pixelWidth, pixelHeight: pixelHeight,
                                                   reason: "cairo_image_surface_create returned NULL")
        }
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.paintedOpaque = background.map { $0.alpha >= 1 } ?? false
        try super.init(surface: surface, size: size, scale: scale)
        if let background {
            setSource(background)
            cairo_paint(context)
        }
    }

    // MARK: - Output

    /// The rendered pixels as straight-alpha RGBA (Cairo's premultiplied alpha undone).
    public func makeImage() throws -> RGBAImage {
        try checkStatus()
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else {
            throw CairoError.drawingFailed(reason: "the image surface has no pixel data")
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var pixels = [UInt8](repeating: 0, count: pixelWidth * pixelHeight * 4)
        pixels.withUnsafeMutableBufferPointer { rgba in
            for y in 0..<pixelHeight {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<pixelWidth {
                    let word = row[x]  // premultiplied 0xAARRGGBB
                    let alpha = word >> 24
                    let i = (y * pixelWidth + x) * 4
                    rgba[i + 3] = UInt8(alpha)
                    if alpha == 0xFF {  // opaque, the common case: nothing to undo
                        rgba[i] = UInt8(truncatingIfNeeded: word >> 16)
                        rgba[i + 1] = UInt8(truncatingIfNeeded: word >> 8)
                        rgba[i + 2] = UInt8(truncatingIfNeeded: word)
                        continue
                    }
                    guard alpha > 0 else { continue }  // fully transparent stays 0, 0, 0, 0
                    rgba[i] = Self.unpremultiply((word >> 16) & 0xFF, alpha)
                    rgba[i + 1] = Self.unpremultiply((word >> 8) & 0xFF, alpha)
                    rgba[i + 2] = Self.unpremultiply(word & 0xFF, alpha)
                }
            }
        }
        return RGBAImage(width: pixelWidth, height: pixelHeight, pixels: pixels)
    }

    /// The rendered pixels as PNG bytes: opaque canvases are encoded straight from the surface as RGB
    /// (without a scan for transparency when the background was opaque).
    public func pngData(settings: PNGEncoder.Settings = .figures) throws -> [UInt8] {
        try checkStatus()
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else {
            throw CairoError.drawingFailed(reason: "the image surface has no pixel data")
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        if paintedOpaque || isOpaque(data, stride: stride) {
            if settings.compressor == .runLength {
                return try PNGEncoder.encodeOpaqueARGB32RunLength(data, width: pixelWidth, height: pixelHeight, stride: stride)
            }
            return try PNGEncoder.encodeOpaqueARGB32(data, width: pixelWidth, height: pixelHeight, stride: stride, settings: settings)
        }
        return try PNGEncoder.encode(makeImage(), settings: settings)
    }

    /// Writes the PNG to `url` atomically.
    public func writePNG(to url: URL, settings: PNGEncoder.Settings = .figures) throws {
        let bytes = try pngData(settings: settings)
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw PNGError.io(path: url.path, reason: "cannot write the file (\(error.localizedDescription))")
        }
    }

    // MARK: - Helpers

    /// Every pixel of the surface has alpha 255.
    private func isOpaque(_ data: UnsafeMutablePointer<UInt8>, stride: Int) -> Bool {
        for y in 0..<pixelHeight {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<pixelWidth where row[x] >> 24 != 0xFF { return false }
        }
        return true
    }

    /// Straight colour from a premultiplied component, rounded: c * 255 / a.
    private static func unpremultiply(_ component: UInt32, _ alpha: UInt32) -> UInt8 {
        UInt8(min(255, (component * 255 + alpha / 2) / alpha))
    }
}
