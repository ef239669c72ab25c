import Foundation
import Testing
@testable import Datasets

/// Finding the four IDX files in the layouts people have, and clear errors when they are not there.
@Suite struct DiscoveryTests {
    private static let sampleNames = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                                      "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]

    /// Copies the sample's four .gz files into `directory` + `subpath`.
    private func copySample(into directory: TemporaryDirectory, subpath: String = "") throws {
        for name in Self.sampleNames {
            try directory.write(try Fixture.sampleFile(name + ".gz"), to: subpath + name + ".gz")
        }
    }

    @Test func mnistFromAFlatDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try copySample(into: directory)
        let test = try MNISTDataset(.mnist(directory: directory.path), split: .test)
        #expect(test.count == 1000 && test.kind == .mnist)
        #expect(test.imagesFile.path == directory.path + "/t10k-images-idx3-ubyte.gz")
    }

    @Test func mnistFromTorchvisionRawLayoutUncompressed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sample = try MNISTDataset(.mnistSample, split: .test)
        try directory.write(Fixture.images(count: 1000, pixels: sample.images), to: "MNIST/raw/t10k-images-idx3-ubyte")
        try directory.write(Fixture.labels(sample.labels), to: "MNIST/raw/t10k-labels-idx1-ubyte")
        // torchvision keeps the .gz beside the extracted file; the uncompressed one is preferred.
        try directory.write(try Fixture.sampleFile("t10k-images-idx3-ubyte.gz"), to: "MNIST/raw/t10k-images-idx3-ubyte.gz")
        let test = try MNISTDataset(.mnist(directory: directory.path), split: .test)
        #expect(test.imagesFile.path == directory.path + "/MNIST/raw/t10k-images-idx3-ubyte")
        #expect(test.images == sample.images && test.labels == sample.labels)
        // Naming torchvision's MNIST/ folder itself also works.
        let named = try MNISTDataset(.mnist(directory: directory.path + "/MNIST/"), split: .test)
        #expect(named.count == 1000)
    }

    @Test func fashionMNISTFromADirectoryHasItsClassNames() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try copySample(into: directory, subpath: "FashionMNIST/raw/")
        let train = try MNISTDataset(.fashionMNIST(directory: directory.path), split: .train)
        #expect(train.count == 4000)
        #expect(train.classNames == ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                     "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"])
    }

    @Test(.enabled(if: DatasetSource.isFashionMNISTInstalled))
    func fashionMNISTFromDebiansPackage() throws {
        let test = try MNISTDataset(.fashionMNIST(directory: nil), split: .test)
        #expect(([test.count, test.rows, test.cols] as [Int]) == [10_000, 28, 28])
        #expect(test.labelHistogram == [Int](repeating: 1000, count: 10))
        #expect(test.imagesFile.path == "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz")
        #expect(test.classNames[9] == "Ankle boot")
    }

    @Test func missingDirectoryNamesThePath() {
        let error = caughtError(DatasetError.self) { try MNISTDataset(.mnist(directory: "/no/such/mnist"), split: .train) }
        #expect(error == .directoryNotFound(path: "/no/such/mnist"))
        #expect(error?.description == "/no/such/mnist: no such directory")
    }

    @Test func fileInsteadOfDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write([1], to: "not-a-dir")
        let error = caughtError(DatasetError.self) { try MNISTDataset(.fashionMNIST(directory: file), split: .train) }
        #expect(error == .notADirectory(path: file))
    }

    @Test func missingImagesFileListsEverySearchedDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.path + "/MNIST/raw", withIntermediateDirectories: true)
        let error = caughtError(DatasetError.self) { try MNISTDataset(.mnist(directory: directory.path), split: .train) }
        #expect(error == .fileNotFound(name: "train-images-idx3-ubyte", searched: [directory.path, directory.path + "/MNIST/raw"]))
        #expect(error?.description == "train-images-idx3-ubyte[.gz] not found in \(directory.path) or \(directory.path)/MNIST/raw")
    }

    @Test func missingLabelsFileNamesTheImagesDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(try Fixture.sampleFile("t10k-images-idx3-ubyte.gz"), to: "t10k-images-idx3-ubyte.gz")
        let error = caughtError(DatasetError.self) { try MNISTDataset(.mnist(directory: directory.path), split: .test) }
        #expect(error == .fileNotFound(name: "t10k-labels-idx1-ubyte", searched: [directory.path]))
    }

    @Test func mnistNeedsADirectory() throws {
        let error = caughtError(DatasetError.self) { try DatasetSource(kind: .mnist, directory: nil) }
        #expect(error == .directoryRequired(kind: .mnist))
        #expect(try DatasetSource(kind: .fashionMNIST, directory: nil) == .fashionMNIST(directory: nil))
        #expect(try DatasetSource(kind: .mnistSample, directory: "/ignored") == .mnistSample)
        #expect(DatasetKind(rawValue: "fashion-mnist") == .fashionMNIST)
    }
}
