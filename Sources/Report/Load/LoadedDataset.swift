import Foundation

/// The dataset's four IDX files, located, checked and hashed by the load step.
public struct LoadedDataset: Sendable {
    /// The role of each of the four files, in the order the report lists them.
    public enum Role: String, CaseIterable, Sendable {
        /// Training images, (N, 28, 28) unsigned bytes.
        case trainImages = "train-images-idx3-ubyte"
        /// Training labels, (N,) unsigned bytes.
        case trainLabels = "train-labels-idx1-ubyte"
        /// Test images.
        case testImages = "t10k-images-idx3-ubyte"
        /// Test labels.
        case testLabels = "t10k-labels-idx1-ubyte"

        /// Whether the file holds images (IDX with 3 dimensions) rather than labels (1 dimension).
        var holdsImages: Bool { self == .trainImages || self == .testImages }
    }

    /// Dataset name.
    public let name: DatasetName
    /// Folder the files were read from.
    public let folder: URL
    /// Each role's file on disk (raw or `.gz`).
    public let urls: [Role: URL]
    /// Name, size, records and SHA-256 of each file, in `Role.allCases` order.
    public let files: [DatasetFile]
}
