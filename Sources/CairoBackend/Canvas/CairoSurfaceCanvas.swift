import CCairo
import Foundation
import Plotting

/// The drawing code shared by the PNG (`CairoCanvas`) and SVG (`SVGCanvas`) canvases: one Cairo context on some surface.
///
/// Coordinates arrive in figure pixels at 1x; the context's transform applies the device scale, so every
/// primitive, font size and line width scales together. Cairo errors are sticky: drawing calls cannot
/// throw (the `Canvas` protocol), so the output methods of the subclasses call `checkStatus()` and throw.
public class CairoSurfaceCanvas: Canvas {
    /// The canvas size in figure pixels at 1x.
    public let size: Size
    /// Device pixels per figure pixel (2 for a high-density PNG, 1 for SVG).
    public let scale: Double

    // cairo_surface_t* and cairo_t*, owned by this canvas.
    let surface: OpaquePointer
    let context: OpaquePointer
    private let regularFace: OpaquePointer
    private let boldFace: OpaquePointer
    private var clipDepth = 0

    /// Takes ownership of `surface` (destroyed here on failure) and prepares a context with the fixed text options.
    init(surface: OpaquePointer, size: Size, scale: Double) throws {
        let surfaceStatus = cairo_surface_status(surface)
        guard surfaceStatus == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw CairoError.drawingFailed(reason: surfaceStatus.reason)
        }
        let regular: OpaquePointer, bold: OpaquePointer
        do {
            regular = try FontLibrary.shared.fontFace(for: .normal)
            bold = try FontLibrary.shared.fontFace(for: .bold)
        } catch {
            cairo_surface_destroy(surface)
            throw error
        }
        let context = cairo_create(surface)!  // never NULL: a failed cairo_t is a nil-object with an error status
        let contextStatus = cairo_status(context)
        guard contextStatus == CAIRO_STATUS_SUCCESS else {
            cairo_destroy(context)
            cairo_surface_destroy(surface)
            throw CairoError.drawingFailed(reason: contextStatus.reason)
        }
        self.size = size
        self.scale = scale
        self.surface = surface
        self.context = context
        self.regularFace = regular
        self.boldFace = bold
        cairo_scale(context, scale, scale)
        Self.applyFixedFontOptions(to: context)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Gray antialiasing, no hinting, no hint metrics: text pixels then depend only on the shipped font, not on fontconfig.
    private static func applyFixedFontOptions(to context: OpaquePointer) {
        let options = cairo_font_options_create()
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_subpixel_order(options, CAIRO_SUBPIXEL_ORDER_DEFAULT)
        cairo_set_font_options(context, options)  // copies the options
        cairo_font_options_destroy(options)
    }

    /// Throws if Cairo has recorded an error on the context or the surface.
    func checkStatus() throws {
        let contextStatus = cairo_status(context)
        guard contextStatus == CAIRO_STATUS_SUCCESS else { throw CairoError.drawingFailed(reason: contextStatus.reason) }
        let surfaceStatus = cairo_surface_status(surface)
        guard surfaceStatus == CAIRO_STATUS_SUCCESS else { throw CairoError.drawingFailed(reason: surfaceStatus.reason) }
    }

    // MARK: - Shapes

    /// Fills an axis-aligned rectangle.
    public func fillRect(_ rect: Rect, color: Color) {
        guard rect.isDrawable else { return }
        setSource(color)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(context)
    }

    /// Fills a closed polygon (non-zero winding); points that are not finite are skipped.
    public func fillPolygon(_ points: [Point], color: Color) {
        let finite = points.filter(\.isFinite)
        guard finite.count >= 3 else { return }
        setSource(color)
        cairo_set_fill_rule(context, CAIRO_FILL_RULE_WINDING)
        cairo_move_to(context, finite[0].x, finite[0].y)
        for point in finite.dropFirst() { cairo_line_to(context, point.x, point.y) }
        cairo_close_path(context)
        cairo_fill(context)
    }

    /// Strokes an open polyline; a non-finite point breaks the line into pieces, as matplotlib does with NaN.
    public func strokePolyline(_ points: [Point], style: StrokeStyle) {
        guard points.count >= 2, style.width.isFinite, style.width > 0 else { return }
        setSource(style.color)
        cairo_set_line_width(context, style.width)
        cairo_set_line_cap(context, style.cap.cairoValue)
        cairo_set_line_join(context, style.join.cairoValue)
        let dash = style.dash.filter { $0.isFinite && $0 >= 0 }
        if dash.isEmpty || dash.allSatisfy({ $0 == 0 }) {
            cairo_set_dash(context, nil, 0, 0)
        } else {
            cairo_set_dash(context, dash, Int32(dash.count), 0)
        }
        var penDown = false
        for point in points {
            guard point.isFinite else { penDown = false; continue }
            if penDown { cairo_line_to(context, point.x, point.y) } else { cairo_move_to(context, point.x, point.y) }
            penDown = true
        }
        cairo_stroke(context)
    }

    // MARK: - Text

    /// Measures a single line of text in figure pixels: the advance width, and the font's ascent and descent.
    ///
    /// Ascent and descent are the font's (not this string's ink), so every label of a size has the same
    /// height and labels line up however many descenders they have.
    public func measureText(_ text: String, font: Font) -> TextMetrics {
        selectFont(font)
        var fontExtents = cairo_font_extents_t()
        cairo_font_extents(context, &fontExtents)
        var textExtents = cairo_text_extents_t()
        if !text.isEmpty { cairo_text_extents(context, text, &textExtents) }
        return TextMetrics(width: textExtents.x_advance, ascent: fontExtents.ascent, descent: fontExtents.descent)
    }

    /// Draws one line of text with its baseline starting at `origin`, rotated counter-clockwise by `rotation` radians.
    public func drawText(_ text: String, at origin: Point, font: Font, color: Color, rotation: Double) {
        guard !text.isEmpty, origin.isFinite, rotation.isFinite else { return }
        selectFont(font)
        setSource(color)
        cairo_save(context)
        cairo_translate(context, origin.x, origin.y)
        // y points down, so a counter-clockwise turn on screen is a negative angle for Cairo.
        if rotation != 0 { cairo_rotate(context, -rotation) }
        cairo_move_to(context, 0, 0)
        cairo_show_text(context, text)
        cairo_restore(context)
    }

    /// Sets the shipped face for the font's weight and its size in figure pixels (a size that is not finite and positive becomes 1).
    private func selectFont(_ font: Font) {
        cairo_set_font_face(context, font.weight == .bold ? boldFace : regularFace)
        cairo_set_font_size(context, font.size.isFinite && font.size > 0 ? font.size : 1)
    }

    // MARK: - Images

    /// Draws an RGBA image scaled into `rect`; `.nearest` keeps each source pixel a crisp block.
    public func drawImage(_ image: RGBAImage, in rect: Rect, interpolation: Interpolation) {
        guard image.width > 0, image.height > 0, rect.isDrawable,
              let source = Self.makeARGB32Surface(from: image) else { return }
        defer { cairo_surface_destroy(source) }
        cairo_save(context)
        cairo_translate(context, rect.x, rect.y)
        cairo_scale(context, rect.width / Double(image.width), rect.height / Double(image.height))
        cairo_set_source_surface(context, source, 0, 0)
        let pattern = cairo_get_source(context)
        cairo_pattern_set_filter(pattern, interpolation == .nearest ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_BILINEAR)
        // PAD repeats the edge pixels outward, so the image's border is not blended with transparency.
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
        cairo_rectangle(context, 0, 0, Double(image.width), Double(image.height))
        cairo_fill(context)
        cairo_restore(context)
    }

    /// Copies straight RGBA bytes into a new Cairo-owned ARGB32 surface (premultiplied, native-endian 32-bit words).
    ///
    /// Cairo owns the memory (rather than `cairo_image_surface_create_for_data` over a Swift buffer), so a
    /// surface that keeps a reference to the image, such as the SVG surface until it is finished, never
    /// sees a freed buffer.
    static func makeARGB32Surface(from image: RGBAImage) -> OpaquePointer? {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(image.width), Int32(image.height)),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
              let data = cairo_image_surface_get_data(surface) else { return nil }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        image.pixels.withUnsafeBufferPointer { rgba in
            for y in 0..<image.height {
                let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<image.width {
                    let i = (y * image.width + x) * 4
                    let alpha = UInt32(rgba[i + 3])
                    // Premultiply with rounding: c * a / 255.
                    let red = (UInt32(rgba[i]) * alpha + 127) / 255
                    let green = (UInt32(rgba[i + 1]) * alpha + 127) / 255
                    let blue = (UInt32(rgba[i + 2]) * alpha + 127) / 255
                    row[x] = alpha << 24 | red << 16 | green << 8 | blue
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }

    // MARK: - Clipping

    /// Restricts drawing to `rect` until the matching `popClip()`.
    public func pushClip(_ rect: Rect) {
        cairo_save(context)
        let clip = rect.isFiniteRect ? rect : Rect(x: 0, y: 0, width: 0, height: 0)
        cairo_rectangle(context, clip.x, clip.y, max(clip.width, 0), max(clip.height, 0))
        cairo_clip(context)
        clipDepth += 1
    }

    /// Ends the most recent `pushClip`.
    public func popClip() {
        precondition(clipDepth > 0, "popClip() without a matching pushClip()")
        clipDepth -= 1
        cairo_restore(context)
    }

    // MARK: - Helpers

    /// Sets a solid colour as the source, clamping components into 0...1.
    func setSource(_ color: Color) {
        func clamp(_ value: Double) -> Double { value.isFinite ? min(max(value, 0), 1) : 0 }
        cairo_set_source_rgba(context, clamp(color.red), clamp(color.green), clamp(color.blue), clamp(color.alpha))
    }
}

// MARK: - Plotting types in Cairo terms

extension StrokeStyle.Cap {
    /// The matching Cairo line cap.
    var cairoValue: cairo_line_cap_t {
        switch self {
        case .butt: return CAIRO_LINE_CAP_BUTT
        case .round: return CAIRO_LINE_CAP_ROUND
        case .square: return CAIRO_LINE_CAP_SQUARE
        }
    }
}

extension StrokeStyle.Join {
    /// The matching Cairo line join.
    var cairoValue: cairo_line_join_t {
        switch self {
        case .miter: return CAIRO_LINE_JOIN_MITER
        case .round: return CAIRO_LINE_JOIN_ROUND
        case .bevel: return CAIRO_LINE_JOIN_BEVEL
        }
    }
}

extension Point {
    /// Both coordinates are finite.
    var isFinite: Bool { x.isFinite && y.isFinite }
}

extension Rect {
    /// All four values are finite.
    var isFiniteRect: Bool { x.isFinite && y.isFinite && width.isFinite && height.isFinite }
    /// Finite with a positive area.
    var isDrawable: Bool { isFiniteRect && width > 0 && height > 0 }
}
