import ArgumentParser
import Datasets
import Foundation
import ModelFiles
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
          nnreport generate --weights model.pth       # the lesson's models start from a state dict
          nnreport generate --save-weights trained.safetensors

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

    /// `--weights FILE`.
    @Option(name: .long, help: ArgumentHelp("A state dict (.pth, .pt or .safetensors) of the lesson's 784-128-64-10 network, loaded into its models (indexed, named or ReluNet keys).", valueName: "file"))
    var weights: String?

    /// `--save-weights FILE`.
    @Option(name: .customLong("save-weights"), help: ArgumentHelp("Write the trained network's state dict (indexed keys) to a .pth, .pt or .safetensors file.", valueName: "file"))
    var saveWeights: String?

    /// Required by ParsableCommand.
    public init() {}

    /// Rejects bad values, a weights file whose extension names no format and a dataset that needs `--data-dir`
    /// before any work, as usage errors (64) naming the option.
    public func validate() throws {
        try Self.require(epochs >= 0, "--epochs <n>", "\(epochs)", "a whole number of 0 or more")
        try Self.require(lr.isFinite && lr > 0, "--lr <x>", "\(lr)", "a positive number")
        try Self.require(momentum.isFinite && momentum >= 0, "--momentum <x>", "\(momentum)", "a number of 0 or more")
        try Self.require(batchSize > 0, "--batch-size <n>", "\(batchSize)", "a positive whole number")
        try Self.requireFormat(of: weights, option: "--weights")
        try Self.requireFormat(of: saveWeights, option: "--save-weights")
        if saveWeights != nil {
            guard epochs > 0 || weights != nil else {
                throw ValidationError("--save-weights with --epochs 0 needs --weights: no network is trained, so there is nothing to save")
            }
        }
        do {
            _ = try DatasetSource(kind: dataset, directory: dataDir)
        } catch let error as DatasetError {
            throw ValidationError("\(error.description); name it with --data-dir <dir>")
        }
    }

    /// Throws a usage error naming `option` unless `path` (if any) ends in an extension that names a state-dict format.
    static func requireFormat(of path: String?, option: String) throws {
        guard let path else { return }
        do {
            _ = try ModelFileFormat(url: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("\(option): \(error.description)")
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
        // Weights are read, and the path to save them checked, before any work.
        let loaded: NotebookWeights?
        var configuration = configuration
        do {
            loaded = try weights.map { path throws(WeightsFileError) in try WeightsFile.load(path: path) }
            if let weights, let loaded { configuration.weights = try WeightsFile.record(path: weights, weights: loaded) }
            if let saveWeights { try WeightsFile.checkWritable(path: saveWeights) }
        } catch {
            stderr.write("nnreport: error: \(error)\n")
            return error.failureKind.exitCode
        }
        // The notebook's content takes the training options and weights (a test's slot for the trained network is
        // kept); a test's own content is used as given.
        let notebook = content as? NotebookContent
        let slot = notebook?.trainedNetwork ?? TrainedNetworkSlot()
        let showProgress = stderr.isTerminal && !quiet
        // Training steps rewrite one line in place; a finished section's line replaces it.
        let progressLine = showProgress ? ProgressLine(sink: stderr) : nil
        var reportStep: TrainingProgress.Handler?
        if let progressLine {
            // An epoch's first step always shows, so each run and epoch appears however fast it goes.
            reportStep = { @Sendable progress in progressLine.update(progress.line, immediate: progress.step == 1) }
        }
        let content = notebook == nil ? content
            : NotebookContent(training: training, weights: loaded, trainedNetwork: slot, progress: reportStep)
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
            if let saveWeights, notebook != nil {
                try save(trained: slot.network, loaded: loaded, to: saveWeights, stdout: stdout)
            }
            return 0
        } catch {
            stderr.write("nnreport: error: \(oneLineDescription(of: error))\n")
            return FailureKind.of(error).exitCode
        }
    }

    /// Writes the trained network's weights — or, with `--epochs 0`, the loaded ones the training would have
    /// started from — to `path`.
    private func save(trained: Module?, loaded: NotebookWeights?, to path: String, stdout: TextSink) throws {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let weights: NotebookWeights
        if let trained {
            do {
                weights = try NotebookWeights(of: trained, source: name)
            } catch {
                throw WeightsFileError(option: "--save-weights", message: "\(name): \(error.description)", failureKind: .software)
            }
        } else if let loaded {
            weights = loaded
        } else {
            throw WeightsFileError(option: "--save-weights", message: "\(name): no network was trained", failureKind: .software)
        }
        try WeightsFile.save(weights, to: path)
        if !quiet {
            stdout.write("Wrote \(path) (\(trained == nil ? "the loaded" : "the trained") network's state dict, 6 tensors)\n")
        }
    }
}
