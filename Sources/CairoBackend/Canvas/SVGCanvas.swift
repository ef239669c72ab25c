import CCairo
import Foundation
import Plotting

/// A canvas on Cairo's SVG surface: the same drawing code as `CairoCanvas`, written as an SVG document in memory.
///
/// One SVG user unit is one figure pixel (the document unit is `px`), so a 600x400 figure is a
/// `width="600px" height="400px"` document. Text is written as glyph outlines of the shipped font, so
/// the document does not depend on the reader's fonts.
public final class SVGCanvas: CairoSurfaceCanvas {
    /// Collects the bytes Cairo streams out.
    private final class Sink {
        var bytes: [UInt8] = []
    }

    private let sink: Sink
    private var finishedDocument: [UInt8]?

    /// An SVG canvas of `size` figure pixels, filled with `background` (nil leaves it transparent).
    public init(size: Size, background: Color? = .white) throws {
        guard size.width.isFinite, size.height.isFinite, size.width > 0, size.height > 0 else {
            throw CairoError.invalidCanvasSize(width: size.width, height: size.height, scale: 1,
                                               reason: "an SVG needs a finite, positive width and height")
        }
        let sink = Sink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        guard let surface = cairo_svg_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
                .bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, closure, size.width, size.height) else {
            throw CairoError.surfaceCreationFailed(kind: "SVG", pixelWidth: Int(size.width), pixelHeight: Int(size.height),
                                                   reason: "cairo_svg_surface_create_for_stream returned NULL")
        }
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
        self.sink = sink
        try super.init(surface: surface, size: size, scale: 1)
        if let background {
            setSource(background)
            cairo_paint(context)
        }
    }

    deinit {
        // Finish while `sink` is still alive: Cairo may write the document's tail on finish.
        cairo_surface_finish(surface)
    }

    /// Finishes the document and returns its UTF-8 bytes (ids renumbered per document); later drawing has no effect.
    public func svgData() throws -> [UInt8] {
        if let finishedDocument { return finishedDocument }
        try checkStatus()
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw CairoError.svgWriteFailed(reason: status.reason) }
        let document = Array(SVGIdentifiers.normalize(String(decoding: sink.bytes, as: UTF8.self)).utf8)
        finishedDocument = document
        return document
    }

    // MARK: - Images

    /// The largest side of an image enlarged for the SVG.
    static let maximumEnlargedSide = 2048

    /// Draws an image; a nearest-neighbour image is first enlarged in whole blocks to its size on a 2x screen.
    ///
    /// Cairo 1.16's SVG output has no `image-rendering` hint, so a browser would smooth a 28x28 digit
    /// scaled to 224 px into a blur; enlarged blocks stay crisp whatever the browser's filter.
    public override func drawImage(_ image: RGBAImage, in rect: Rect, interpolation: Interpolation) {
        guard interpolation == .nearest, image.width > 0, image.height > 0, rect.isDrawable else {
            return super.drawImage(image, in: rect, interpolation: interpolation)
        }
        func factor(target: Double, pixels: Int) -> Int {
            let wanted = Int((2 * target / Double(pixels)).rounded(.up))
            return max(1, min(wanted, Self.maximumEnlargedSide / pixels))
        }
        let enlarged = image.scaledNearest(horizontally: factor(target: rect.width, pixels: image.width),
                                           vertically: factor(target: rect.height, pixels: image.height))
        super.drawImage(enlarged, in: rect, interpolation: .nearest)
    }

    /// The finished document as a string.
    public func svgString() throws -> String {
        String(decoding: try svgData(), as: UTF8.self)
    }
}
