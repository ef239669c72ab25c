import Foundation
import Testing
@testable import Datasets

/// The embedded MNIST sample: 4,000 + 1,000 real digits, checked against values computed with Python's gzip.
@Suite struct SampleDatasetTests {
    @Test func trainSplitParses() throws {
        let train = try MNISTDataset(.mnistSample, split: .train)
        #expect(([train.count, train.rows, train.cols] as [Int]) == [4000, 28, 28])
        #expect(train.images.count == 4000 * 784)
        #expect(train.labelHistogram == [Int](repeating: 400, count: 10))
        #expect(Array(train.labels.prefix(12)) == [6, 3, 2, 8, 5, 1, 1, 9, 4, 9, 6, 7])
        #expect(train.pixels(at: 0).reduce(0) { $0 + Int($1) } == 33_989)
        #expect(train.pixels(at: 3999).reduce(0) { $0 + Int($1) } == 18_372)
        #expect(train.images.reduce(0) { $0 + Int($1) } == 104_646_036)
        #expect(train.classNames == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
        #expect(train.kind == .mnistSample && train.split == .train)
    }

    @Test func testSplitParses() throws {
        let test = try MNISTDataset(.mnistSample, split: .test)
        #expect(([test.count, test.rows, test.cols] as [Int]) == [1000, 28, 28])
        #expect(test.labelHistogram == [Int](repeating: 100, count: 10))
        #expect(Array(test.labels.prefix(12)) == [3, 9, 5, 0, 5, 7, 9, 5, 5, 7, 6, 0])
        #expect(test.pixels(at: 0).reduce(0) { $0 + Int($1) } == 24_400)
        #expect(test.label(at: 3) == 0)
    }

    @Test func fileInfoForTheReproducibilityBlock() throws {
        let train = try MNISTDataset(.mnistSample, split: .train)
        let test = try MNISTDataset(.mnistSample, split: .test)
        let files = train.files + test.files
        #expect(files.map(\.name) == ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                                      "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"])
        #expect(files.map(\.records) == [4000, 4000, 1000, 1000])
        #expect(files.map(\.byteCount) == [651_453, 2057, 163_873, 524])
        #expect(try files.map { try $0.sha256() } == [
            "9972880b7b19ef08f6a40ea85ded2976c9b1b73bef7ea4e5a38ffa3ca15fef44",
            "d573f5e3c233ba26a8755c51bfe8906ca756d54f1d7aa262f206fc47bf49693d",
            "c48809c3943d0395fe296d4dbce9b1df149f8c7faf1414dd49d3ca2ffab0b264",
            "c6f04eb65c9ef3a6a2557603d0f41caf737a5703ef20f2e25f52603ee91eae09",
        ])
    }

    @Test func sha256MatchesEveryRowOfProvenance() throws {
        let directory = try DatasetSource.sampleDirectory()
        let provenance = try String(contentsOfFile: directory + "/PROVENANCE.md", encoding: .utf8)
        // Rows of the table: | file | records | sha256 |
        let rows = provenance.split(separator: "\n").compactMap { line -> (String, String)? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 3, cells[0].hasSuffix(".gz"), cells[2].count == 64 else { return nil }
            return (cells[0], cells[2])
        }
        #expect(rows.count == 4)
        for (name, sum) in rows {
            let file = DatasetFile(path: directory + "/" + name, records: 0, byteCount: 0)
            #expect(try file.sha256() == sum, "\(name)")
        }
    }

    @Test func sampleDirectoryIsInTheResourceBundle() throws {
        let directory = try DatasetSource.sampleDirectory()
        #expect(directory.hasSuffix("/mnist-sample"))
        #expect(FileManager.default.fileExists(atPath: directory + "/PROVENANCE.md"))
    }

    @Test func wholeSplitAsOneNormalizedTensor() throws {
        let test = try MNISTDataset(.mnistSample, split: .test)
        let tensor = test.imagesTensor()
        #expect(tensor.shape == [1000, 1, 28, 28])
        #expect(tensor.storage.min() == -1 && tensor.storage.max() == 1)
        // Byte counts from Python: 631,593 zeros and 5,333 bytes of 255 in the test images.
        #expect(tensor.storage.filter { $0 == -1 }.count == 631_593)
        #expect(tensor.storage.filter { $0 == 1 }.count == 5333)
        // Sum of (2b/255 − 1) over the 784,000 pixels, from the byte total 26,621,066; each float
        // value is within 6e-8 of the exact one, so the sum is within 784,000 × 6e-8 ≈ 0.05.
        let expected = 2.0 * 26_621_066.0 / 255.0 - 784_000.0
        let sum = tensor.storage.reduce(0.0) { $0 + Double($1) }
        #expect(abs(sum - expected) < 0.05)
    }
}
