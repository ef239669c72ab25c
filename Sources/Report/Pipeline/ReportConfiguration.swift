import Datasets
import Foundation

/// Everything `nnreport generate` was asked to do.
public struct ReportConfiguration: Sendable {
    /// The output folder (created or replaced atomically).
    public var output: URL
    /// Which dataset to read.
    public var dataset: DatasetKind
    /// Where to read it from: ignored for the sample, required for MNIST, nil for Debian's Fashion-MNIST.
    public var dataFolder: URL?
    /// Seed of every random generator.
    public var seed: UInt64
    /// A customised templates folder (`--templates`), or nil for the templates nnreport ships.
    public var templatesFolder: URL?
    /// Whether to write one HTML file with figures inlined as data URIs.
    public var selfContained: Bool
    /// Whether to record times (false: all zero, so two runs give identical bytes).
    public var recordTimings: Bool
    /// The state dict the content's models are loaded from (`--weights`), for the reproducibility block; or nil.
    public var weights: WeightsFileRecord?

    /// A configuration; defaults match `nnreport generate` without options.
    public init(output: URL = URL(fileURLWithPath: "output", isDirectory: true), dataset: DatasetKind = .mnistSample, dataFolder: URL? = nil,
                seed: UInt64 = 1, templatesFolder: URL? = nil, selfContained: Bool = false, recordTimings: Bool = true,
                weights: WeightsFileRecord? = nil) {
        self.output = output
        self.dataset = dataset
        self.dataFolder = dataFolder
        self.seed = seed
        self.templatesFolder = templatesFolder
        self.selfContained = selfContained
        self.recordTimings = recordTimings
        self.weights = weights
    }
}
