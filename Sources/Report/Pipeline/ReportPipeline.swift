import Foundation

/// `nnreport generate` as named steps — load, templates, experiments (with figures and encoding), render,
/// write — each timed, any error wrapped in a `PipelineError` naming its step (and experiment).
public struct ReportPipeline {
    /// What to do.
    public var configuration: ReportConfiguration
    /// The experiments, in page order.
    public var experiments: [any Experiment]
    /// Test hook: runs in the writer after the new folder is complete, before the swap.
    var beforeSwap: (URL) throws -> Void = { _ in }

    /// One experiment finished (for a progress line).
    public struct Progress: Sendable {
        /// 1-based position.
        public let index: Int
        /// Number of experiments.
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

    /// A pipeline for `configuration` and `experiments`.
    public init(configuration: ReportConfiguration, experiments: [any Experiment]) {
        self.configuration = configuration
        self.experiments = experiments
    }

    /// Runs every step; on failure the output folder is left as it was.
    public func run(progress: (Progress) -> Void = { _ in }) async throws -> Outcome {
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
        let sections = try runExperiments(dataset: dataset, timings: &timings, progress: progress)

        let report = Report(
            title: configuration.title, introduction: configuration.introduction, sections: sections,
            reproducibility: Reproducibility(seed: configuration.seed, datasetName: dataset.kind.rawValue, datasetFiles: dataset.files,
                                             libraries: configuration.libraryVersions),
            timings: configuration.recordTimings ? timings : StageTimings(recorded: false))
        // The page shows the times up to here: rendering and writing come after the page is made.
        let files = try step(.templates, &timings) { try outputFiles(for: report, templates: templates) }
        try step(.writing, &timings) { try writer.write(files) }
        return Outcome(report: report, folder: writer.target, files: files.map(\.path).sorted(), timings: timings)
    }

    // MARK: - Steps

    /// Runs the experiments in order, timing each and attributing figure drawing and encoding to their stages.
    private func runExperiments(dataset: LoadedDataset, timings: inout StageTimings, progress: (Progress) -> Void) throws -> [ReportSection] {
        let context = ExperimentContext(seed: configuration.seed, dataset: dataset)
        var sections: [ReportSection] = []
        var anchors: Set<String> = ["contents", "reproducibility"]  // ids the page itself uses
        var figureNames: Set<String> = []
        let start = monotonicSeconds()
        for (index, experiment) in experiments.enumerated() {
            let experimentStart = monotonicSeconds()
            var section: ReportSection
            do {
                section = try experiment.run(in: context)
                try validate(section, of: experiment, anchors: &anchors, figureNames: &figureNames)
            } catch {
                throw PipelineError(stage: .experiments, experimentID: experiment.id, underlying: error)
            }
            section.duration = monotonicSeconds() - experimentStart
            timings.sections[section.id] = section.duration
            sections.append(section)
            progress(Progress(index: index + 1, count: experiments.count, title: section.title, seconds: section.duration))
        }
        timings[.figures] = context.attributed[.figures] ?? 0
        timings[.encoding] = context.attributed[.encoding] ?? 0
        timings[.experiments] = max(0, monotonicSeconds() - start - timings[.figures] - timings[.encoding])
        return sections
    }

    /// Checks a section against the report's rules: matching id and title, a valid unique anchor, unique figure names.
    private func validate(_ section: ReportSection, of experiment: any Experiment, anchors: inout Set<String>, figureNames: inout Set<String>) throws {
        guard section.id == experiment.id else {
            throw ReportError.invalidContent("section id '\(section.id)' differs from its experiment's id '\(experiment.id)' (start from makeSection())")
        }
        guard ReportSection.isValidAnchor(section.id) else {
            throw ReportError.invalidContent("section id '\(section.id)' is not a valid anchor (lowercase letters, digits and '-')")
        }
        guard anchors.insert(section.id).inserted else {
            throw ReportError.invalidContent("section id '\(section.id)' is used twice")
        }
        for figure in section.figures where !figureNames.insert(figure.fileName).inserted {
            throw ReportError.invalidContent("figure file name '\(figure.fileName)' is used twice")
        }
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
