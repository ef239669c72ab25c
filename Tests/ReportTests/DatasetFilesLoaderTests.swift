import Datasets
import Foundation
@testable import Report
import Testing

/// The load step: both splits read by the Datasets IDX reader, the four files hashed, errors classified.
@Suite struct DatasetFilesLoaderTests {
    /// The four file names in report order.
    static let fileNames = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]

    @Test func embeddedSampleHasTheRecordsAndDigestsOfItsProvenance() throws {
        let dataset = try DatasetFilesLoader.load(kind: .mnistSample, dataDirectory: nil)
        #expect(dataset.kind == .mnistSample && dataset.source == .mnistSample)
        #expect(dataset.folder == (try DatasetSource.sampleDirectory()))
        #expect(dataset.files.map(\.name) == Self.fileNames)
        #expect(dataset.files.map(\.records) == [4000, 4000, 1000, 1000])
        #expect(dataset.files.map(\.bytes) == [651_453, 2057, 163_873, 524])
        #expect(dataset.files.map(\.sha256) == (try provenanceDigests()))
        // The splits themselves, decoded: 400 training and 100 test digits of each class (PROVENANCE.md).
        #expect(dataset.train.count == 4000 && dataset.test.count == 1000)
        #expect(dataset.train.rows == 28 && dataset.train.cols == 28)
        #expect(dataset.train.labelHistogram == [Int](repeating: 400, count: 10))
        #expect(dataset.test.labelHistogram == [Int](repeating: 100, count: 10))
    }

    @Test func fullMNISTIsReadFromTheNamedDirectory() throws {
        let directory = try copyOfTheSample()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let dataset = try DatasetFilesLoader.load(kind: .mnist, dataDirectory: directory)
        #expect(dataset.kind == .mnist && dataset.source == .mnist(directory: directory))
        #expect(dataset.folder == directory)
        #expect(dataset.files.map(\.sha256) == (try provenanceDigests()))
    }

    // MARK: - Errors and their exit status

    @Test func mnistWithoutADirectoryIsAUsageError() {
        #expect(throws: DatasetError.directoryRequired(kind: .mnist)) {
            try DatasetFilesLoader.load(kind: .mnist, dataDirectory: nil)
        }
        #expect(DatasetError.directoryRequired(kind: .mnist).failureKind.exitCode == 64)
    }

    @Test func missingDirectoryAndMissingFileAreNoInput() throws {
        let directory = try copyOfTheSample()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let missing = directory + "/no-such-mnist"
        #expect(throws: DatasetError.directoryNotFound(path: missing)) {
            try DatasetFilesLoader.load(kind: .mnist, dataDirectory: missing)
        }
        try FileManager.default.removeItem(atPath: directory + "/t10k-labels-idx1-ubyte.gz")
        #expect(throws: DatasetError.fileNotFound(name: "t10k-labels-idx1-ubyte", searched: [directory])) {
            try DatasetFilesLoader.load(kind: .mnist, dataDirectory: directory)
        }
        #expect(DatasetError.directoryNotFound(path: missing).failureKind.exitCode == 66)
        #expect(DatasetError.fileNotFound(name: "x", searched: [directory]).failureKind.exitCode == 66)
    }

    @Test func truncatedLabelsFileIsADataError() throws {
        let directory = try copyOfTheSample()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A raw labels file (preferred over the .gz) declaring 4000 labels but holding 3.
        try Data([0, 0, 8, 1, 0, 0, 0x0F, 0xA0, 7, 2, 1]).write(to: URL(fileURLWithPath: directory + "/train-labels-idx1-ubyte"))
        let error = IDXError.truncatedData(file: "train-labels-idx1-ubyte", dimensions: [4000], expectedBytes: 4000, remainingBytes: 3)
        #expect(throws: error) { try DatasetFilesLoader.load(kind: .mnist, dataDirectory: directory) }
        #expect(error.description == "train-labels-idx1-ubyte: truncated data: header declares 4000 labels (4000 bytes) but 3 remain")
        #expect(error.failureKind.exitCode == 65)
    }

    @Test(arguments: [
        (IDXError.fileNotFound(path: "f"), FailureKind.noInput),
        (.unreadable(path: "f", reason: "Permission denied"), .ioError),
        (.fileTooLarge(file: "f", bytes: 2, limit: 1), .dataError),
        (.emptyFile(file: "f"), .dataError),
        (.corruptGzip(file: "f", offset: 9, reason: "invalid block type"), .dataError),
        (.inflatedTooLarge(file: "f", limit: 1), .dataError),
        (.truncatedHeader(file: "f", needed: 16, available: 4), .dataError),
        (.wrongMagic(file: "f", found: 0x0100_0803, expected: 0x0803), .dataError),
        (.unsupportedDataType(file: "f", typeCode: 0x0D), .dataError),
        (.wrongDimensionCount(file: "f", found: 3, expected: 1), .dataError),
        (.absurdDimensions(file: "f", dimensions: [0, 28, 28]), .dataError),
        (.trailingBytes(file: "f", dimensions: [1], expectedBytes: 1, extraBytes: 1), .dataError),
        (.countMismatch(imagesFile: "i", images: 2, labelsFile: "l", labels: 1), .dataError),
        (.labelOutOfRange(file: "f", index: 0, label: 10, classCount: 10), .dataError),
    ])
    func idxErrorsAreClassified(error: IDXError, kind: FailureKind) {
        #expect(error.failureKind == kind)
        #expect(PipelineError(stage: .load, underlying: error).failureKind == kind)
    }

    @Test(arguments: [
        (DatasetError.notADirectory(path: "/etc/passwd"), FailureKind.noInput),
        (.fashionMNISTNotInstalled(path: DatasetSource.debianFashionMNISTDirectory), .noInput),
        (.sampleMissing(path: "/x/mnist-sample"), .noInput),
    ])
    func otherDatasetErrorsAreNoInput(error: DatasetError, kind: FailureKind) {
        #expect(error.failureKind == kind)
    }

    // MARK: - Helpers

    /// The SHA-256 column of the sample's PROVENANCE.md, in the table's order (train images, train labels, test images, test labels).
    private func provenanceDigests() throws -> [String] {
        let text = try String(contentsOfFile: try DatasetSource.sampleDirectory() + "/PROVENANCE.md", encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("-ubyte.gz") }
        let cells = rows.map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(cells.map { $0[0] } == Self.fileNames)
        return cells.map { $0[2] }
    }

    /// The sample's four files copied into a fresh temporary directory (returned without a trailing slash).
    private func copyOfTheSample() throws -> String {
        let directory = try makeTemporaryFolder().path
        let sample = try DatasetSource.sampleDirectory()
        for name in Self.fileNames {
            try FileManager.default.copyItem(atPath: sample + "/" + name, toPath: directory + "/" + name)
        }
        return directory
    }
}
