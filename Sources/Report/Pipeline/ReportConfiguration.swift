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
    /// The templates folder.
    public var templatesFolder: URL
    /// Whether to write one HTML file with figures inlined as data URIs.
    public var selfContained: Bool
    /// Whether to record times (false: all zero, so two runs give identical bytes).
    public var recordTimings: Bool
    /// Versions of Cairo and libpng for the reproducibility block.
    public var libraryVersions: LibraryVersions
    /// Page title.
    public var title: String
    /// Introduction under the title.
    public var introduction: String

    /// The title of the notebook's report.
    public static let notebookTitle = "Neural networks in PyTorch, run in Swift"
    /// The introduction of the notebook's report.
    public static let notebookIntroduction = "Each section below runs one step of the lesson with nnreport's own tensor engine on real handwritten digits, prints what PyTorch would print and draws what matplotlib would draw. Nothing on this page was computed in advance: it is regenerated, byte for byte, from the seed and the dataset named at the end."

    /// A configuration; defaults match `nnreport generate` without options.
    public init(output: URL = URL(fileURLWithPath: "output", isDirectory: true), dataset: DatasetKind = .mnistSample, dataFolder: URL? = nil,
                seed: UInt64 = 1, templatesFolder: URL = TemplateSet.defaultFolder, selfContained: Bool = false, recordTimings: Bool = true,
                libraryVersions: LibraryVersions = ExperimentRegistry.libraryVersions, title: String = ReportConfiguration.notebookTitle,
                introduction: String = ReportConfiguration.notebookIntroduction) {
        self.output = output
        self.dataset = dataset
        self.dataFolder = dataFolder
        self.seed = seed
        self.templatesFolder = templatesFolder
        self.selfContained = selfContained
        self.recordTimings = recordTimings
        self.libraryVersions = libraryVersions
        self.title = title
        self.introduction = introduction
    }
}
