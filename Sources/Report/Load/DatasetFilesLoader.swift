import Datasets

/// The load step: reads both splits with the Datasets IDX reader and hashes the four files for the report.
public enum DatasetFilesLoader {
    /// Loads `kind` from `dataDirectory` (ignored for the sample; nil for Fashion-MNIST means Debian's package).
    ///
    /// Throws `DatasetError` (no directory, missing file) or `IDXError` (corrupt file); each message names the path.
    public static func load(kind: DatasetKind, dataDirectory: String?) throws -> LoadedDataset {
        try load(DatasetSource(kind: kind, directory: dataDirectory))
    }

    /// Loads the training and test splits of `source` and hashes their files.
    public static func load(_ source: DatasetSource) throws -> LoadedDataset {
        let train = try MNISTDataset(source, split: .train)
        let test = try MNISTDataset(source, split: .test)
        // Report order: train images, train labels, test images, test labels.
        let files = try (train.files + test.files).map(DatasetFileRecord.init)
        return LoadedDataset(source: source, train: train, test: test, files: files)
    }
}
