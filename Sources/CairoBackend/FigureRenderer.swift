import Foundation
import Plotting

/// Renders a Plotting `Figure` to the bytes a report embeds: a high-density PNG (2x by default) and an SVG document.
///
/// The PNG carries its device size (what the file holds) and its CSS size (what the page shows, the figure's
/// size at 1x), so an `<img>` can state `width`/`height` and a 2x image stays sharp at half its pixel size.
public enum FigureRenderer {
    /// Device pixels per figure pixel of the report's PNGs: "retina", as a Jupyter inline figure at 200 dpi.
    public static let defaultScale = 2.0

    /// A figure encoded as PNG, with its device and CSS sizes.
    public struct RenderedPNG: Equatable, Sendable {
        /// The PNG file's bytes.
        public let bytes: [UInt8]
        /// Device pixels across (the PNG's width).
        public let pixelWidth: Int
        /// Device pixels down (the PNG's height).
        public let pixelHeight: Int
        /// Width to show it at in CSS pixels (the figure's width at 1x).
        public let cssWidth: Int
        /// Height to show it at in CSS pixels (the figure's height at 1x).
        public let cssHeight: Int
        /// Device pixels per CSS pixel.
        public let scale: Double
    }

    /// Draws `figure` at `scale` and encodes it as PNG with `settings` (the fast `figures` preset by default).
    public static func png(_ figure: Figure, scale: Double = defaultScale,
                           settings: PNGEncoder.Settings = .figures) throws -> RenderedPNG {
        let canvas = try drawnCanvas(figure, scale: scale)
        let bytes: [UInt8]
        do {
            bytes = try canvas.pngData(settings: settings)
        } catch {
            throw FigureRenderError(format: .png, figureSize: figure.pixelSize, stage: .encoding, underlying: error)
        }
        let css = figure.pixelSize
        return RenderedPNG(bytes: bytes, pixelWidth: canvas.pixelWidth, pixelHeight: canvas.pixelHeight,
                           cssWidth: Int(css.width.rounded()), cssHeight: Int(css.height.rounded()), scale: scale)
    }

    /// Draws `figure` at `scale` and returns its straight-alpha pixels (for comparisons and golden tests).
    public static func image(_ figure: Figure, scale: Double = defaultScale) throws -> RGBAImage {
        let canvas = try drawnCanvas(figure, scale: scale)
        do {
            return try canvas.makeImage()
        } catch {
            throw FigureRenderError(format: .png, figureSize: figure.pixelSize, stage: .drawing, underlying: error)
        }
    }

    /// Draws `figure` as an SVG document (one user unit per figure pixel, text as glyph outlines) and returns its UTF-8 bytes.
    public static func svg(_ figure: Figure) throws -> [UInt8] {
        let canvas: SVGCanvas
        do {
            canvas = try SVGCanvas(size: figure.pixelSize)
        } catch {
            throw FigureRenderError(format: .svg, figureSize: figure.pixelSize, stage: .canvas, underlying: error)
        }
        figure.draw(on: canvas)
        do {
            return try canvas.svgData()
        } catch {
            throw FigureRenderError(format: .svg, figureSize: figure.pixelSize, stage: .encoding, underlying: error)
        }
    }

    /// A 2x (or `scale`) image canvas with `figure` drawn on it.
    public static func drawnCanvas(_ figure: Figure, scale: Double = defaultScale) throws -> CairoCanvas {
        let canvas: CairoCanvas
        do {
            canvas = try CairoCanvas(size: figure.pixelSize, scale: scale)
        } catch {
            throw FigureRenderError(format: .png, figureSize: figure.pixelSize, stage: .canvas, underlying: error)
        }
        figure.draw(on: canvas)
        return canvas
    }
}

/// A figure that could not be rendered: the format, the figure's size, the step that failed and why.
public struct FigureRenderError: Error, LocalizedError, CustomStringConvertible {
    /// The output format being produced.
    public enum Format: String, Sendable { case png = "PNG", svg = "SVG" }
    /// The step that failed.
    public enum Stage: String, Sendable {
        /// Creating the surface.
        case canvas = "creating the canvas"
        /// Drawing or reading the pixels back.
        case drawing = "drawing"
        /// Writing the PNG or SVG bytes.
        case encoding = "encoding"
    }

    /// The output format being produced.
    public let format: Format
    /// The figure's size in figure pixels at 1x.
    public let figureSize: Size
    /// The step that failed.
    public let stage: Stage
    /// The Cairo or libpng error behind it.
    public let underlying: Error

    /// One line, e.g. `cannot render a 760x380 px figure as PNG (creating the canvas): cairo ...`.
    public var description: String {
        let size = "\(Self.format(figureSize.width))x\(Self.format(figureSize.height))"
        return "cannot render a \(size) px figure as \(format.rawValue) (\(stage.rawValue)): \(underlying)"
    }

    /// The same line, for `localizedDescription`.
    public var errorDescription: String? { description }

    /// Whole sizes without a decimal point, others as they are.
    private static func format(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : "\(value)"
    }
}
