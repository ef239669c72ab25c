import Foundation

/// `nnreport generate` as named steps — load, templates, experiments (with figures and encoding), render,
/// write — each timed, any error wrapped in a `PipelineError` naming its step (and section).
public struct ReportPipeline {
    /// What to do.
    public var configuration: ReportConfiguration
    /// What the report shows.
    public var content: any ReportContent
    /// What draws and encodes its figures.
    public var renderer: any FigureRendering
    /// Test hook: runs in the writer after the new folder is complete, before the swap.
    var beforeSwap: (URL) throws -> Void = { _ in }

    /// One section finished (for a progress line).
    public struct Progress: Sendable {
        /// 1-based position.
        public let index: Int
        /// Number of sections.
        public let count: Int
        /// Section title.
        public let title: String
        /// Seconds it took.
        public let seconds: Double
    }

    /// What a run produced.
    public struct Outcome: Sendable {
        /// The report as rendered.
        public let report: Report
        /// The output folder.
        public let folder: URL
        /// Paths of the files written, relative to the folder, sorted.
        public let files: [String]
        /// Time of every stage, writing included (recorded even with `--no-timings`, which only hides them).
        public let timings: StageTimings
    }

    /// A pipeline writing `content` as `configuration` says, its figures drawn by `renderer`.
    public init(configuration: ReportConfiguration, content: any ReportContent, renderer: any FigureRendering) {
        self.configuration = configuration
        self.content = content
        self.renderer = renderer
    }

    /// Runs every step; on failure the output folder is left as it was.
    public func run(progress: @escaping (Progress) -> Void = { _ in }) async throws -> Outcome {
        var timings = StageTimings(recorded: true)
        var writer = AtomicFolderWriter(target: configuration.output)
        writer.beforeSwap = beforeSwap
        _ = try step(.writing, &timings) { try writer.preflight() }  // a bad --output fails before any work

        let dataset = try step(.load, &timings) {
            try DatasetFilesLoader.load(kind: configuration.dataset, dataDirectory: configuration.dataFolder?.path)
        }
        let templates = try await asyncStep(.templates, &timings) {
            try await TemplateSet.load(from: configuration.templatesFolder)
        }
        let sections = try makeSections(dataset: dataset, timings: &timings, progress: progress)

        let report = Report(
            title: content.title, introduction: content.introduction, sections: sections,
            reproducibility: Reproducibility(seed: configuration.seed, datasetName: dataset.kind.rawValue, datasetFiles: dataset.files,
                                             libraries: renderer.libraryVersions, weights: configuration.weights),
            timings: configuration.recordTimings ? timings : StageTimings(recorded: false))
        // The page shows the times up to here: rendering and writing come after the page is made.
        let files = try step(.templates, &timings) { try outputFiles(for: report, templates: templates) }
        try step(.writing, &timings) { try writer.write(files) }
        return Outcome(report: report, folder: writer.target, files: files.map(\.path).sorted(), timings: timings)
    }

    // MARK: - Steps

    /// Has the content make its sections, timing each and attributing figure drawing and encoding to their stages.
    private func makeSections(dataset: LoadedDataset, timings: inout StageTimings,
                              progress: @escaping (Progress) -> Void) throws -> [ReportSection] {
        let recorder = SectionRecorder(outline: content.outline, renderer: renderer, progress: progress)
        let start = monotonicSeconds()
        _ = try step(.experiments, &timings) {
            try content.makeSections(dataset: dataset, seed: configuration.seed, recorder: recorder)
            try recorder.checkComplete()
        }
        for section in recorder.sections { timings.sections[section.id] = section.duration }
        timings[.figures] = recorder.drawingSeconds
        timings[.encoding] = recorder.encodingSeconds
        timings[.experiments] = max(0, monotonicSeconds() - start - timings[.figures] - timings[.encoding])
        return recorder.sections
    }

    /// index.html, report.json and, unless self-contained, figures/*.png.
    private func outputFiles(for report: Report, templates: TemplateSet) throws -> [OutputFile] {
        let html = try PageRenderer(templates: templates, selfContained: configuration.selfContained).render(report)
        var files = [
            OutputFile(path: "index.html", data: Data(html.utf8)),
            OutputFile(path: "report.json", data: try ReportDocument(report, selfContained: configuration.selfContained).encoded()),
        ]
        if !configuration.selfContained {
            files += report.sections.flatMap(\.figures).map { OutputFile(path: "figures/\($0.fileName)", data: $0.png) }
        }
        return files
    }

    /// Runs one step, adding its time to `stage` and wrapping any error with the stage's name.
    private func step<T>(_ stage: PipelineStage, _ timings: inout StageTimings, _ body: () throws -> T) throws -> T {
        let start = monotonicSeconds()
        defer { timings[stage] += monotonicSeconds() - start }
        do { return try body() } catch let error as PipelineError { throw error } catch {
            throw PipelineError(stage: stage, underlying: error)
        }
    }

    /// The async form of `step`.
    private func asyncStep<T>(_ stage: PipelineStage, _ timings: inout StageTimings, _ body: () async throws -> T) async throws -> T {
        let start = monotonicSeconds()
        do {
            let value = try await body()
            timings[stage] += monotonicSeconds() - start
            return value
        } catch {
            throw PipelineError(stage: stage, underlying: error)
        }
    }
}
