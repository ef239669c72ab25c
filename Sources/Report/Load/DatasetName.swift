import Foundation

/// The datasets `nnreport generate --dataset` accepts.
public enum DatasetName: String, CaseIterable, Sendable {
    /// The 5,000 real MNIST digits embedded in nnreport (4,000 train, 1,000 test).
    case mnistSample = "mnist-sample"
    /// Full MNIST from a folder given with `--data-dir`.
    case mnist
    /// Fashion-MNIST, by default from Debian's `dataset-fashion-mnist`.
    case fashionMNIST = "fashion-mnist"

    /// Where Debian's `dataset-fashion-mnist` installs its files.
    static let debianFashionMNISTFolder = "/usr/share/datasets/fashion-mnist"

    /// The folder to read when no `--data-dir` is given; nil when the dataset needs one.
    public var defaultFolder: URL? {
        switch self {
        case .mnistSample: return EmbeddedSample.folder
        case .mnist: return nil
        case .fashionMNIST: return URL(fileURLWithPath: DatasetName.debianFashionMNISTFolder, isDirectory: true)
        }
    }

    /// What to tell a user whose folder is missing.
    var missingFolderHint: String {
        switch self {
        case .mnistSample: return "the embedded sample ships in Sources/Datasets/Resources/mnist-sample"
        case .mnist: return "pass --data-dir DIR, the folder holding the four MNIST IDX files"
        case .fashionMNIST: return "install Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist) or pass --data-dir DIR"
        }
    }
}

/// Locates the MNIST sample shipped as a resource of the Datasets target.
// TODO(lead): replace with the Datasets target's public accessor for its bundled sample once it lands.
enum EmbeddedSample {
    /// The resource bundle beside the executable (an installed or built binary), else the source tree
    /// (`#filePath` at compile time), so that any working directory works.
    static var folder: URL {
        let candidates: [URL] = [
            Bundle.main.executableURL.map {
                $0.deletingLastPathComponent().appendingPathComponent("nnreport_Datasets.resources/mnist-sample", isDirectory: true)
            },
            Bundle.main.bundleURL.appendingPathComponent("nnreport_Datasets.resources/mnist-sample", isDirectory: true),
            sourceTreeFolder,
        ].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? sourceTreeFolder
    }

    /// `Sources/Datasets/Resources/mnist-sample` of the repository this file was compiled from.
    static let sourceTreeFolder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Load
        .deletingLastPathComponent()  // Report
        .deletingLastPathComponent()  // Sources
        .appendingPathComponent("Datasets/Resources/mnist-sample", isDirectory: true)
}
