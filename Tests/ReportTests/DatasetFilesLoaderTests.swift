import Foundation
@testable import Report
import Testing

/// The load step: locating, checking and hashing the four IDX files.
@Suite struct DatasetFilesLoaderTests {
    @Test func embeddedSampleHasTheRecordsAndDigestsOfItsProvenance() throws {
        let dataset = try DatasetFilesLoader.load(.mnistSample, from: sampleFolder)
        #expect(dataset.files.map(\.name) == ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"])
        #expect(dataset.files.map(\.records) == [4000, 4000, 1000, 1000])
        #expect(dataset.files.map(\.bytes) == [651_453, 2057, 163_873, 524])
        // The digests PROVENANCE.md records for the sample.
        #expect(dataset.files.map(\.sha256) == [
            "9972880b7b19ef08f6a40ea85ded2976c9b1b73bef7ea4e5a38ffa3ca15fef44",
            "d573f5e3c233ba26a8755c51bfe8906ca756d54f1d7aa262f206fc47bf49693d",
            "c48809c3943d0395fe296d4dbce9b1df149f8c7faf1414dd49d3ca2ffab0b264",
            "c6f04eb65c9ef3a6a2557603d0f41caf737a5703ef20f2e25f52603ee91eae09",
        ])
    }

    @Test func defaultFolderOfTheSampleIsFound() throws {
        let dataset = try DatasetFilesLoader.load(.mnistSample, from: nil)
        #expect(dataset.files.map(\.records) == [4000, 4000, 1000, 1000])
    }

    @Test func rawIDXHeadersAreCheckedAgainstTheFileSize() throws {
        let labels = Data([0, 0, 8, 1, 0, 0, 0, 3, 7, 2, 1])
        #expect(try IDXHeader.read(labels, expectedRank: 1, path: "l").dimensions == [3])
        let images = Data([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 1] + [1, 2, 3, 4])
        #expect(try IDXHeader.read(images, expectedRank: 3, path: "i").dimensions == [2, 2, 1])
        #expect(throws: ReportError.corruptDatasetFile(path: "l", offset: 10, reason: "file has 10 bytes, the header [3] needs 11")) {
            try IDXHeader.read(labels.dropLast(), expectedRank: 1, path: "l")
        }
        #expect(throws: ReportError.corruptDatasetFile(path: "l", offset: 0, reason: "bad IDX magic 00010801 (expected 0000 08 01)")) {
            try IDXHeader.read(Data([0, 1, 8, 1, 0, 0, 0, 0]), expectedRank: 1, path: "l")
        }
        #expect(throws: ReportError.corruptDatasetFile(path: "l", offset: 2, reason: "element type 0x0d is not unsigned byte (0x08)")) {
            try IDXHeader.read(Data([0, 0, 0x0D, 1, 0, 0, 0, 0]), expectedRank: 1, path: "l")
        }
        #expect(throws: ReportError.corruptDatasetFile(path: "l", offset: 2, reason: "file ends inside the IDX magic number")) {
            try IDXHeader.read(Data([0, 0]), expectedRank: 1, path: "l")
        }
    }

    @Test func corruptGzipIsADataError() throws {
        var gzip = try Data(contentsOf: sampleFolder.appendingPathComponent("train-labels-idx1-ubyte.gz"))
        gzip.replaceSubrange(10..<30, with: [UInt8](repeating: 0xFF, count: 20))
        #expect { try IDXHeader.read(gzip, expectedRank: 1, path: "g") } throws: { error in
            (error as? ReportError)?.failureKind == .dataError
        }
    }

    @Test func fashionMNISTHeadersFromDebianWhenInstalled() throws {
        // Headers only: hashing 30 MB in a debug build takes seconds (the release benchmark times the full load).
        let folder = URL(fileURLWithPath: DatasetName.debianFashionMNISTFolder)
        guard FileManager.default.fileExists(atPath: folder.path) else { return }  // optional Debian package
        let counts = try LoadedDataset.Role.allCases.map { role in
            try IDXHeader.read(Data(contentsOf: folder.appendingPathComponent(role.rawValue + ".gz")),
                               expectedRank: role.holdsImages ? 3 : 1, path: role.rawValue).dimensions
        }
        #expect(counts == [[60000, 28, 28], [60000], [10000, 28, 28], [10000]])
    }
}
