import Notebook
import CairoBackend
import Foundation
import Plotting

/// Turning a notebook figure into a report figure: draw with Cairo at 2x, encode as PNG.
extension ExperimentContext {
    /// Renders `notebookFigure` to `figures/<fileName>`, timing drawing and encoding as their own stages.
    func render(_ notebookFigure: NotebookFigure, fileName: String, caption: String) throws -> ReportFigure {
        let figure = notebookFigure.figure
        let canvas = try timed(.figures) { try FigureRenderer.drawnCanvas(figure, scale: FigureRenderer.defaultScale) }
        let png = try timed(.encoding) { try canvas.pngData() }
        let fullCaption = [caption, notebookFigure.caption].compactMap { $0 }.joined(separator: " ")
        return try ReportFigure(fileName: fileName, png: Data(png), caption: fullCaption, altText: notebookFigure.altText)
    }
}
