import Foundation
import Plotting

/// Turns a `Report` into `index.html` through the templates; dynamic text is escaped by Mustache's `{{ }}`.
struct PageRenderer {
    /// The checked templates.
    let templates: TemplateSet
    /// Whether figures are inlined as `data:image/png;base64,` URIs instead of `figures/<name>` links.
    let selfContained: Bool

    /// The page's HTML.
    func render(_ report: Report) throws -> String {
        try templates.render(pageContext(report), template: "page")
    }

    // MARK: - View model

    /// The dictionary the templates see (documented in Resources/templates/README.md).
    func pageContext(_ report: Report) -> [String: Any] {
        [
            "title": report.title,
            "introduction": report.introduction,
            "stylesheet": templates.stylesheet,
            "sections": report.sections.enumerated().map { sectionContext($1, number: $0 + 1, timings: report.timings) },
            "reproducibility": reproducibilityContext(report),
            "generator": "nnreport \(report.reproducibility.nnreportVersion)",
        ]
    }

    /// One section: anchor, number, title, blocks in order, time.
    private func sectionContext(_ section: ReportSection, number: Int, timings: StageTimings) -> [String: Any] {
        [
            "id": section.id,
            "number": number,
            "title": section.title,
            "blocks": section.blocks.map(blockContext),
            "timed": timings.recorded,
            "duration": DurationFormat.string(section.duration),
        ]
    }

    /// One run of a paragraph: plain text, or code that was between backticks.
    private func segmentContext(_ segment: InlineCode.Segment) -> [String: Any] {
        ["text": segment.text, "code": segment.isCode]
    }

    /// One block; every kind key is present (false when absent) so lookups never reach an outer context.
    private func blockContext(_ block: ReportBlock) -> [String: Any] {
        var context: [String: Any] = ["paragraph": false, "warning": false, "output": false, "figure": false]
        switch block {
        case let .paragraph(text):
            context["paragraph"] = ["text": text, "segments": InlineCode.segments(of: text).map(segmentContext)]
        case let .warning(text):
            context["warning"] = ["text": text, "segments": InlineCode.segments(of: text).map(segmentContext)]
        case let .output(output):
            context["output"] = ["label": output.label, "text": output.text]
        case let .figure(figure):
            context["figure"] = [
                "src": selfContained ? "data:image/png;base64," + figure.png.base64EncodedString() : "figures/" + figure.fileName,
                "width": figure.width,
                "height": figure.height,
                "alt": figure.altText,
                "caption": figure.caption,
                "hasCaption": !figure.caption.isEmpty,
            ] as [String: Any]
        }
        return context
    }

    /// The reproducibility block: seed, dataset files, versions, times.
    private func reproducibilityContext(_ report: Report) -> [String: Any] {
        let info = report.reproducibility
        let timings = report.timings
        var context: [String: Any] = [
            "seed": String(info.seed),
            "dataset": info.datasetName,
            "digest": info.datasetDigest,
            "files": info.datasetFiles.map {
                ["name": $0.name, "records": AltText.grouped($0.records), "bytes": AltText.grouped($0.bytes), "sha256": $0.sha256]
            },
            "versions": [
                ["name": "nnreport", "version": info.nnreportVersion],
                ["name": "Swift", "version": info.swiftVersion],
                ["name": "Cairo", "version": info.libraries.cairo],
                ["name": "libpng", "version": info.libraries.libpng],
                ["name": "Matrix kernel", "version": info.matrixKernel],
            ],
            "timed": timings.recorded,
            "stages": PipelineStage.allCases.filter { $0 != .writing }.map {
                ["name": $0.rawValue, "duration": DurationFormat.string(timings[$0])]
            },
            "experiments": report.sections.map {
                ["id": $0.id, "title": $0.title, "duration": DurationFormat.string($0.duration)]
            },
            "total": DurationFormat.string(timings.total),
        ]
        if let weights = info.weights {
            context["weights"] = ["name": weights.name, "bytes": AltText.grouped(weights.bytes), "sha256": weights.sha256, "keys": weights.keys]
        }
        return context
    }
}
