import CCairo
import Foundation

/// A failure of the Cairo rendering layer: what was being done, and Cairo's or FreeType's own reason.
public enum CairoError: Error, Equatable, LocalizedError, CustomStringConvertible {
    /// The requested canvas size or scale cannot make a surface (zero, negative, non-finite or too large).
    case invalidCanvasSize(width: Double, height: Double, scale: Double, reason: String)
    /// Cairo refused to create a surface.
    case surfaceCreationFailed(kind: String, pixelWidth: Int, pixelHeight: Int, reason: String)
    /// Drawing left the context or surface in an error state (Cairo errors are sticky).
    case drawingFailed(reason: String)
    /// A font file the project ships could not be found or loaded.
    case fontLoadFailed(name: String, path: String, reason: String)
    /// The SVG document could not be written.
    case svgWriteFailed(reason: String)

    /// One line that says what failed and why.
    public var description: String {
        switch self {
        case let .invalidCanvasSize(width, height, scale, reason):
            return "cannot make a canvas of \(width)x\(height) px at scale \(scale): \(reason)"
        case let .surfaceCreationFailed(kind, pixelWidth, pixelHeight, reason):
            return "cairo could not create a \(kind) surface of \(pixelWidth)x\(pixelHeight) px: \(reason)"
        case let .drawingFailed(reason):
            return "cairo drawing failed: \(reason)"
        case let .fontLoadFailed(name, path, reason):
            return "cannot load font \(name) from \(path): \(reason)"
        case let .svgWriteFailed(reason):
            return "cannot write SVG: \(reason)"
        }
    }

    /// The same line, for `localizedDescription`.
    public var errorDescription: String? { description }
}

extension cairo_status_t {
    /// Cairo's own words for this status.
    var reason: String { String(cString: cairo_status_to_string(self)) }
}
