import CairoBackend
import Foundation
import Plotting
import Report

/// The report's figures drawn with Cairo at 2x and encoded with libpng: what `nnreport generate` wires into
/// the pipeline.
public struct CairoFigureRendering: FigureRendering {
    /// The Cairo renderer's preset.
    public init() {}

    public var scale: Int { Int(FigureRenderer.defaultScale) }

    public var libraryVersions: LibraryVersions {
        LibraryVersions(cairo: RenderingLibraries.cairoVersion, libpng: RenderingLibraries.libpngVersion)
    }

    public func draw(_ figure: Figure) throws -> CairoCanvas {
        try FigureRenderer.drawnCanvas(figure, scale: Double(scale))
    }

    public func png(_ drawing: CairoCanvas) throws -> Data {
        Data(try drawing.pngData())
    }
}
