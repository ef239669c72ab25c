import Datasets

/// The dataset the load step read: both splits, validated by the Datasets IDX reader, and its four files hashed.
public struct LoadedDataset: Sendable {
    /// Which dataset this is.
    public let kind: DatasetKind
    /// Where its files were looked for.
    public let source: DatasetSource
    /// The directory the files were read from.
    public let folder: String
    /// The training split (images and labels in memory).
    public let train: MNISTDataset
    /// The test split.
    public let test: MNISTDataset
    /// Train images, train labels, test images, test labels: name, bytes, records and SHA-256.
    public let files: [DatasetFileRecord]

    /// Bundles two loaded splits of `source` with the records of their four files.
    public init(source: DatasetSource, train: MNISTDataset, test: MNISTDataset, files: [DatasetFileRecord]) {
        precondition(train.split == .train && test.split == .test, "LoadedDataset: splits given in the wrong order")
        self.kind = source.kind
        self.source = source
        self.train = train
        self.test = test
        self.files = files
        // The directory of the training images; the Datasets reader keeps each split's files together.
        let path = train.imagesFile.path
        self.folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
    }
}
