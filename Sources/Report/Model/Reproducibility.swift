import Datasets
import NN

/// What a reader needs to reproduce the report: seed, dataset with digests, and versions.
public struct Reproducibility: Equatable, Sendable {
    /// The seed of every random generator.
    public var seed: UInt64
    /// Dataset name, e.g. `mnist-sample`.
    public var datasetName: String
    /// The dataset's files, in a fixed order (train images, train labels, test images, test labels).
    public var datasetFiles: [DatasetFileRecord]
    /// nnreport's version.
    public var nnreportVersion: String
    /// The Swift compiler's version.
    public var swiftVersion: String
    /// Versions of the C libraries that draw and encode figures.
    public var libraries: LibraryVersions
    /// The kernel that ran the matrix products (`MatrixKernel.description`).
    public var matrixKernel: String
    /// The state dict the models were loaded from (`--weights`), or nil.
    public var weights: WeightsFileRecord?

    /// A reproducibility record.
    public init(seed: UInt64, datasetName: String, datasetFiles: [DatasetFileRecord], nnreportVersion: String = BuildInfo.nnreportVersion,
                swiftVersion: String = BuildInfo.swiftVersion, libraries: LibraryVersions,
                matrixKernel: String = MatrixKernel.active.description, weights: WeightsFileRecord? = nil) {
        self.seed = seed
        self.datasetName = datasetName
        self.datasetFiles = datasetFiles
        self.nnreportVersion = nnreportVersion
        self.swiftVersion = swiftVersion
        self.libraries = libraries
        self.matrixKernel = matrixKernel
        self.weights = weights
    }

    /// One digest for the whole dataset: SHA-256 of the lines `<sha256>  <name>\n` of its files, in order
    /// (the format of `sha256sum`, so `sha256sum <files> | sha256sum` in the same order gives the same value).
    public var datasetDigest: String {
        SHA256.hexDigest(of: Array(datasetFiles.map { "\($0.sha256)  \($0.name)\n" }.joined().utf8))
    }
}

/// Version strings of the C libraries behind the figures (Cairo, libpng), passed in by whoever links them.
public struct LibraryVersions: Equatable, Sendable {
    /// `cairo_version_string()`.
    public var cairo: String
    /// `png_get_libpng_ver(nil)`.
    public var libpng: String

    /// Versions as strings.
    public init(cairo: String, libpng: String) {
        self.cairo = cairo
        self.libpng = libpng
    }
}
