import BundledFiles
import Foundation

/// Where a dataset's IDX files come from: the embedded sample, or a directory.
public enum DatasetSource: Equatable, Sendable {
    /// The 5,000-digit MNIST sample embedded in the tool's resource bundle.
    case mnistSample
    /// Full MNIST in `directory`: the four files flat, or under torchvision's `MNIST/raw/`.
    case mnist(directory: String)
    /// Fashion-MNIST in `directory` (flat or torchvision's `FashionMNIST/raw/`); `nil` means Debian's package.
    case fashionMNIST(directory: String?)

    /// Where Debian's `dataset-fashion-mnist` installs the four gzip files.
    public static let debianFashionMNISTDirectory = "/usr/share/datasets/fashion-mnist"

    /// The source for a command-line choice; `directory` is ignored for the sample and required for MNIST.
    public init(kind: DatasetKind, directory: String?) throws {
        switch kind {
        case .mnistSample:
            self = .mnistSample
        case .mnist:
            guard let directory else { throw DatasetError.directoryRequired(kind: .mnist) }
            self = .mnist(directory: directory)
        case .fashionMNIST:
            self = .fashionMNIST(directory: directory)
        }
    }

    /// Which dataset this is.
    public var kind: DatasetKind {
        switch self {
        case .mnistSample: return .mnistSample
        case .mnist: return .mnist
        case .fashionMNIST: return .fashionMNIST
        }
    }

    /// Whether Debian's Fashion-MNIST package is installed (its directory holds the training images).
    public static var isFashionMNISTInstalled: Bool {
        FileManager.default.fileExists(atPath: debianFashionMNISTDirectory + "/train-images-idx3-ubyte.gz")
    }

    /// The directory of the embedded MNIST sample in the Datasets resource bundle (see `BundledFiles`).
    public static func sampleDirectory() throws -> String {
        do {
            return try BundledFiles.url("mnist-sample", inBundleOf: "Datasets").path
        } catch let missing as BundledFileMissing {
            throw DatasetError.sampleMissing(path: missing.path)
        }
    }

    // MARK: - Discovery

    /// The images and labels files of `split`: the first accepted name found, searching the layouts in order.
    public func locateFiles(split: DatasetSplit) throws -> (images: String, labels: String) {
        let directories = try searchDirectories()
        let imagesBase = "\(split.filePrefix)-images-idx3-ubyte"
        let labelsBase = "\(split.filePrefix)-labels-idx1-ubyte"
        // The labels must sit beside the images: one layout per dataset.
        for directory in directories {
            if let images = Self.firstExisting(base: imagesBase, in: directory) {
                guard let labels = Self.firstExisting(base: labelsBase, in: directory) else {
                    throw DatasetError.fileNotFound(name: labelsBase, searched: [directory])
                }
                return (images, labels)
            }
        }
        throw DatasetError.fileNotFound(name: imagesBase, searched: directories)
    }

    /// The existing directories to search, most specific layout last; throws if the named directory is missing.
    func searchDirectories() throws -> [String] {
        switch self {
        case .mnistSample:
            return [try Self.sampleDirectory()]
        case let .mnist(directory):
            try Self.requireDirectory(directory)
            return Self.layouts(of: directory, torchvisionFolder: "MNIST")
        case let .fashionMNIST(directory?):
            try Self.requireDirectory(directory)
            return Self.layouts(of: directory, torchvisionFolder: "FashionMNIST")
        case .fashionMNIST(nil):
            let directory = Self.debianFashionMNISTDirectory
            guard Self.isDirectory(directory) else { throw DatasetError.fashionMNISTNotInstalled(path: directory) }
            return [directory]
        }
    }

    /// `directory` itself, its `raw/` (the user named torchvision's `MNIST/`) and torchvision's `<folder>/raw/`.
    private static func layouts(of directory: String, torchvisionFolder: String) -> [String] {
        let base = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return [base, base + "/raw", base + "/" + torchvisionFolder + "/raw"].filter(isDirectory)
    }

    /// The first of `base`, `base.gz`, and the dotted variants (`train-images.idx3-ubyte`) that exists in `directory`.
    private static func firstExisting(base: String, in directory: String) -> String? {
        // Uncompressed first: torchvision keeps both, and raw bytes load faster.
        let dotted = base.replacingOccurrences(of: "-idx", with: ".idx")
        let candidates = [base, base + ".gz", dotted, dotted + ".gz"].map { directory + "/" + $0 }
        return candidates.first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    /// Throws a typed error unless `path` is an existing directory.
    private static func requireDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DatasetError.directoryNotFound(path: path)
        }
        guard isDirectory.boolValue else { throw DatasetError.notADirectory(path: path) }
    }

    /// Whether `path` is an existing directory.
    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
