import Foundation
import Plotting

/// Where a report's content puts its sections during the experiments step.
///
/// It times each section, checks it against the outline and the report's rules, names the section in any
/// error its making throws, renders figures through the pipeline's renderer (drawing and encoding timed as
/// their own stages), and reports progress after each section.
public final class SectionRecorder {
    /// The sections the content announced, in order.
    let outline: [SectionOutline]
    /// What draws and encodes the figures.
    let renderer: any FigureRendering
    /// Told about each section once it is made.
    let progress: (ReportPipeline.Progress) -> Void
    /// The sections made so far, in order.
    private(set) var sections: [ReportSection] = []
    /// Seconds spent drawing figures.
    private(set) var drawingSeconds = 0.0
    /// Seconds spent encoding figures as PNG.
    private(set) var encodingSeconds = 0.0
    /// Anchors in use: the page's own and every section's so far.
    private var anchors: Set<String> = ["contents", "reproducibility"]
    /// Figure file names in use.
    private var figureNames: Set<String> = []

    /// A recorder for the sections of `outline`.
    init(outline: [SectionOutline], renderer: any FigureRendering, progress: @escaping (ReportPipeline.Progress) -> Void) {
        self.outline = outline
        self.renderer = renderer
        self.progress = progress
    }

    /// Makes the outline's next section, `id` and `title`: `make` fills it in, and what `make` returns is
    /// handed back (a later section may need it). Any error is wrapped in a `PipelineError` naming the section.
    public func section<Value>(id: String, title: String, _ make: (inout ReportSection) throws -> Value) throws -> Value {
        let start = monotonicSeconds()
        var section = ReportSection(id: id, title: title)
        let value: Value
        do {
            try checkIsNext(id: id, title: title)
            value = try make(&section)
            try checkFigureNames(of: section)
        } catch {
            throw PipelineError(stage: .experiments, experimentID: id, underlying: error)
        }
        section.duration = monotonicSeconds() - start
        sections.append(section)
        progress(ReportPipeline.Progress(index: sections.count, count: outline.count, title: title, seconds: section.duration))
        return value
    }

    /// Draws `figure` and encodes it as `fileName`, a figure of the section being made.
    public func render(_ figure: Figure, fileName: String, caption: String, altText: String) throws -> ReportFigure {
        try render(figure, with: renderer, fileName: fileName, caption: caption, altText: altText)
    }

    /// Throws unless every section of the outline was made.
    func checkComplete() throws {
        guard sections.count == outline.count else {
            throw ReportError.invalidContent("only \(sections.count) of the outline's \(outline.count) sections were made; '\(outline[sections.count].id)' is missing")
        }
    }

    // MARK: - Checks and rendering

    /// Throws unless `id` and `title` are the outline's next section and `id` is a valid, unused anchor.
    private func checkIsNext(id: String, title: String) throws {
        guard sections.count < outline.count else {
            throw ReportError.invalidContent("section id '\(id)' is not in the outline, which has \(outline.count) sections")
        }
        let expected = outline[sections.count]
        guard expected == SectionOutline(id: id, title: title) else {
            throw ReportError.invalidContent("section id '\(id)' (\"\(title)\") comes where the outline has '\(expected.id)' (\"\(expected.title)\")")
        }
        guard ReportSection.isValidAnchor(id) else {
            throw ReportError.invalidContent("section id '\(id)' is not a valid anchor (lowercase letters, digits and '-')")
        }
        guard anchors.insert(id).inserted else {
            throw ReportError.invalidContent("section id '\(id)' is used twice")
        }
    }

    /// Throws if a figure of `section` reuses a file name.
    private func checkFigureNames(of section: ReportSection) throws {
        for figure in section.figures where !figureNames.insert(figure.fileName).inserted {
            throw ReportError.invalidContent("figure file name '\(figure.fileName)' is used twice")
        }
    }

    /// Draws and encodes through a renderer of a known type.
    private func render<Renderer: FigureRendering>(_ figure: Figure, with renderer: Renderer, fileName: String,
                                                   caption: String, altText: String) throws -> ReportFigure {
        let drawStart = monotonicSeconds()
        let drawing = try renderer.draw(figure)
        let encodeStart = monotonicSeconds()
        drawingSeconds += encodeStart - drawStart
        let png = try renderer.png(drawing)
        encodingSeconds += monotonicSeconds() - encodeStart
        return try ReportFigure(fileName: fileName, png: png, caption: caption, altText: altText, scale: renderer.scale)
    }
}
