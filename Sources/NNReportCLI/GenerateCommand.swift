import ArgumentParser
import Datasets
import Foundation
import NN
import Notebook
import Report

/// `nnreport generate`: runs the experiments and writes the report folder.
public struct GenerateCommand: ParsableCommand {
    /// Name, summary and examples.
    public static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Run the experiments and write the report (index.html, report.json, figures/).",
        discussion: """
        Examples:
          nnreport generate
          nnreport generate --dataset mnist --data-dir ~/datasets/mnist --seed 42
          nnreport generate --dataset fashion-mnist   # Debian's dataset-fashion-mnist
          nnreport generate --self-contained --output /tmp/report
          nnreport generate --templates my-templates  # a customised copy of the templates
          nnreport generate --epochs 10 --optimizer adam --lr 0.001
          nnreport generate --epochs 0                # the notebook's ten sections only

        The output folder is replaced atomically: the new report is built in a
        hidden folder beside it and swapped in only when complete, so a failure
        leaves the previous report as it was.
        """)

    /// `--output DIR`.
    @Option(name: .long, help: ArgumentHelp("Folder to write the report into (created or replaced).", valueName: "dir"))
    var output: String = "output"

    /// `--dataset NAME`.
    @Option(name: .long, help: ArgumentHelp("Dataset: mnist-sample (embedded), mnist (needs --data-dir) or fashion-mnist.", valueName: "name"))
    var dataset: DatasetKind = .mnistSample

    /// `--data-dir DIR`.
    @Option(name: .customLong("data-dir"), help: ArgumentHelp("Folder holding the four IDX files (raw or .gz).", valueName: "dir"))
    var dataDir: String?

    /// `--seed N`.
    @Option(name: .long, help: ArgumentHelp("Seed of every random generator.", valueName: "n"))
    var seed: UInt64 = 1

    /// `--templates DIR`.
    @Option(name: .long, help: ArgumentHelp("A customised copy of the templates folder (default: the templates nnreport ships).", valueName: "dir"))
    var templates: String?

    /// `--self-contained`.
    @Flag(name: .customLong("self-contained"), help: "Inline the figures into index.html as data: URIs (no figures/ folder).")
    var selfContained = false

    /// `--quiet`.
    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    /// `--no-timings`.
    @Flag(name: .customLong("no-timings"), help: "Record no times, so the same inputs give byte-identical files.")
    var noTimings = false

    /// `--epochs N`.
    @Option(name: .long, help: ArgumentHelp("Training epochs after the notebook (0: the notebook's sections only).", valueName: "n"))
    var epochs: Int = 5

    /// `--lr X`.
    @Option(name: .long, help: ArgumentHelp("Learning rate of the training section.", valueName: "x"))
    var lr: Double = 0.003

    /// `--momentum X`.
    @Option(name: .long, help: ArgumentHelp("SGD's momentum (0: plain SGD; ignored by Adam).", valueName: "x"))
    var momentum: Double = 0.9

    /// `--optimizer NAME`.
    @Option(name: .long, help: ArgumentHelp("Optimiser of the training section: sgd or adam.", valueName: "name"))
    var optimizer: TrainingOptions.OptimizerKind = .sgd

    /// `--batch-size N`.
    @Option(name: .customLong("batch-size"), help: ArgumentHelp("Images per training step.", valueName: "n"))
    var batchSize: Int = 64

    /// Required by ParsableCommand.
    public init() {}

    /// Rejects a dataset that needs `--data-dir` before any work, as a usage error (64) naming the option.
    public func validate() throws {
        try Self.require(epochs >= 0, "--epochs <n>", "\(epochs)", "a whole number of 0 or more")
        try Self.require(lr.isFinite && lr > 0, "--lr <x>", "\(lr)", "a positive number")
        try Self.require(momentum.isFinite && momentum >= 0, "--momentum <x>", "\(momentum)", "a number of 0 or more")
        try Self.require(batchSize > 0, "--batch-size <n>", "\(batchSize)", "a positive whole number")
        do {
            _ = try DatasetSource(kind: dataset, directory: dataDir)
        } catch let error as DatasetError {
            throw ValidationError("\(error.description); name it with --data-dir <dir>")
        }
    }

    /// Throws a usage error naming `option` unless `condition` holds.
    private static func require(_ condition: Bool, _ option: String, _ value: String, _ expected: String) throws {
        guard condition else { throw ValidationError("The value '\(value)' is invalid for '\(option)': expected \(expected).") }
    }

    /// The training section's options.
    var training: TrainingOptions {
        TrainingOptions(epochs: epochs, lr: lr, momentum: momentum, optimizer: optimizer, batchSize: batchSize,
                        recordTimings: !noTimings)
    }

    /// The pipeline's configuration for these options; paths are resolved against the working directory.
    var configuration: ReportConfiguration {
        ReportConfiguration(
            output: URL(fileURLWithPath: output, isDirectory: true),
            dataset: dataset,
            dataFolder: dataDir.map { URL(fileURLWithPath: $0, isDirectory: true) },
            seed: seed,
            templatesFolder: templates.map { URL(fileURLWithPath: $0, isDirectory: true) },
            selfContained: selfContained,
            recordTimings: !noTimings)
    }

    /// Runs the pipeline, prints progress and a summary, and returns the exit status.
    /// A failed `kernel` selection (a bad `NNREPORT_KERNEL`) stops the run first, as a usage error.
    func execute(stdout: TextSink, stderr: TextSink, content: any ReportContent, renderer: any FigureRendering,
                 kernel: Result<MatrixKernel, MatrixKernelError>) async -> Int32 {
        if case .failure(let error) = kernel {
            // A bad NNREPORT_KERNEL is a usage error, reported before any work.
            stderr.write("nnreport: error: \(error)\n")
            return 64
        }
        let showProgress = stderr.isTerminal && !quiet
        // Training steps rewrite one line in place; a finished section's line replaces it.
        let progressLine = showProgress ? ProgressLine(sink: stderr) : nil
        var reportStep: TrainingProgress.Handler?
        if let progressLine {
            reportStep = { @Sendable progress in progressLine.update(progress.line) }
        }
        // The notebook's content takes the training options; a test's own content is used as given.
        let content = content is NotebookContent ? NotebookContent(training: training, progress: reportStep) : content
        let pipeline = ReportPipeline(configuration: configuration, content: content, renderer: renderer)
        defer { progressLine?.clear() }
        do {
            let outcome = try await pipeline.run { step in
                guard showProgress else { return }
                progressLine?.clear()
                let time = noTimings ? "" : String(format: " (%.1f ms)", step.seconds * 1000)
                stderr.write("[\(step.index)/\(step.count)] \(step.title)\(time)\n")
            }
            if !quiet {
                let figures = outcome.report.sections.reduce(0) { $0 + $1.figures.count }
                stdout.write("Wrote \(outcome.folder.appendingPathComponent("index.html").path) (\(outcome.report.sections.count) sections, \(figures) figures)\n")
            }
            return 0
        } catch {
            stderr.write("nnreport: error: \(oneLineDescription(of: error))\n")
            return FailureKind.of(error).exitCode
        }
    }
}
