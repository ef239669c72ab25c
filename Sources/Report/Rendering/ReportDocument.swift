import Datasets
import Foundation

/// The schema of `report.json`: everything the page shows, as data. Keys are sorted and the formatting is
/// fixed, so the same inputs give the same bytes; all times live under `timings` (zero with `--no-timings`).
public struct ReportDocument: Codable, Equatable, Sendable {
    /// Schema version of this document.
    public var format: Int
    /// Page title.
    public var title: String
    /// Seed, dataset and versions.
    public var reproducibility: ReproducibilityDocument
    /// Sections in page order.
    public var sections: [SectionDocument]
    /// Every time measured, in seconds.
    public var timings: TimingsDocument

    /// The current schema version.
    public static let currentFormat = 1

    /// `reproducibility` in report.json.
    public struct ReproducibilityDocument: Codable, Equatable, Sendable {
        /// The seed.
        public var seed: UInt64
        /// Dataset name, folder-independent digest and files.
        public var dataset: DatasetDocument
        /// Versions of nnreport, Swift, Cairo and libpng.
        public var versions: [String: String]
        /// The kernel that ran the matrix products, e.g. "nnreport avx2+fma, 6x16 tiles (best for this processor)".
        public var kernel: String
        /// The state dict the models were loaded from (`--weights`); absent otherwise.
        public var weights: WeightsFileRecord?
    }

    /// `reproducibility.dataset` in report.json.
    public struct DatasetDocument: Codable, Equatable, Sendable {
        /// Dataset name (`mnist-sample`, `mnist`, `fashion-mnist`).
        public var name: String
        /// SHA-256 over the files' `<sha256>  <name>` lines (see `Reproducibility.datasetDigest`).
        public var digest: String
        /// The four files.
        public var files: [DatasetFileRecord]
    }

    /// One entry of `sections` in report.json.
    public struct SectionDocument: Codable, Equatable, Sendable {
        /// Anchor id.
        public var id: String
        /// Title.
        public var title: String
        /// Printed outputs, in order.
        public var outputs: [OutputDocument]
        /// Figures, in order.
        public var figures: [FigureDocument]
        /// What the experiment chose to report as data.
        public var results: [String: JSONValue]
    }

    /// One printed output in report.json.
    public struct OutputDocument: Codable, Equatable, Sendable {
        /// The code that printed it.
        public var label: String
        /// The exact text.
        public var text: String
    }

    /// One figure in report.json.
    public struct FigureDocument: Codable, Equatable, Sendable {
        /// Path relative to the output folder, `figures/<name>`; absent in self-contained mode (the page inlines it).
        public var file: String?
        /// The file name the figure has (or would have) in `figures/`.
        public var name: String
        /// CSS width (the `<img width>` attribute; the PNG is `scale` times wider).
        public var width: Int
        /// CSS height.
        public var height: Int
        /// Device pixels per CSS pixel.
        public var scale: Int
        /// Caption.
        public var caption: String
        /// Alt text.
        public var alt: String
        /// SHA-256 of the PNG bytes.
        public var sha256: String
    }

    /// `timings` in report.json.
    public struct TimingsDocument: Codable, Equatable, Sendable {
        /// False with `--no-timings`: every number below is then 0.
        public var recorded: Bool
        /// Seconds per stage: load, experiments, figures, encoding, templates (writing happens after rendering).
        public var stages: [String: Double]
        /// Seconds per section id.
        public var sections: [String: Double]
        /// Sum of the stages.
        public var total: Double
    }

    /// Encodes with sorted keys, two-space indentation, unescaped slashes and a final newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}

extension ReportDocument {
    /// The document of a report; figure paths are `figures/<name>`, absent when the page inlines the figures.
    init(_ report: Report, selfContained: Bool) {
        let timings = report.timings
        let recorded = timings.recorded
        let stageSeconds = Dictionary(uniqueKeysWithValues: PipelineStage.allCases.filter { $0 != .writing }.map {
            ($0.rawValue, recorded ? DurationFormat.rounded(timings[$0]) : 0)
        })
        self.init(
            format: ReportDocument.currentFormat,
            title: report.title,
            reproducibility: ReproducibilityDocument(
                seed: report.reproducibility.seed,
                dataset: DatasetDocument(name: report.reproducibility.datasetName, digest: report.reproducibility.datasetDigest,
                                         files: report.reproducibility.datasetFiles),
                versions: [
                    "nnreport": report.reproducibility.nnreportVersion,
                    "swift": report.reproducibility.swiftVersion,
                    "cairo": report.reproducibility.libraries.cairo,
                    "libpng": report.reproducibility.libraries.libpng,
                ],
                kernel: report.reproducibility.matrixKernel, weights: report.reproducibility.weights),
            sections: report.sections.map { section in
                SectionDocument(
                    id: section.id, title: section.title,
                    outputs: section.outputs.map { OutputDocument(label: $0.label, text: $0.text) },
                    figures: section.figures.map {
                        FigureDocument(file: selfContained ? nil : "figures/\($0.fileName)", name: $0.fileName, width: $0.width, height: $0.height, scale: $0.scale,
                                       caption: $0.caption, alt: $0.altText, sha256: SHA256.hexDigest(of: $0.png))
                    },
                    results: section.results)
            },
            timings: TimingsDocument(
                recorded: recorded,
                stages: stageSeconds,
                sections: Dictionary(uniqueKeysWithValues: report.sections.map { ($0.id, recorded ? DurationFormat.rounded($0.duration) : 0) }),
                total: recorded ? DurationFormat.rounded(PipelineStage.allCases.compactMap { stageSeconds[$0.rawValue] }.reduce(0, +)) : 0))
    }
}
