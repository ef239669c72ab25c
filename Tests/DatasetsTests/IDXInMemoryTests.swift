import Foundation
import Testing
@testable import Datasets

/// Bytes held in memory decode exactly as the same bytes read from a file, errors included.
@Suite struct IDXInMemoryTests {
    @Test func gzipSampleDecodesAsItReads() throws {
        let name = "t10k-images-idx3-ubyte.gz"
        let fromFile = try IDXReader.readImages(path: DatasetSource.sampleDirectory() + "/" + name)
        let fromMemory = try IDXReader.decodeImages(Data(Fixture.sampleFile(name)), fileName: name)
        #expect(([fromMemory.count, fromMemory.rows, fromMemory.cols] as [Int]) == [1000, 28, 28])
        #expect(fromMemory.pixels == fromFile.pixels)
        #expect(fromMemory.fileSize == fromFile.fileSize)
    }

    @Test func rawLabelsDecode() throws {
        let labels = try IDXReader.decodeLabels(Data(Fixture.labels([3, 1, 4, 1, 5, 9])))
        #expect(labels.labels == [3, 1, 4, 1, 5, 9])
        #expect(labels.fileSize == 14)
    }

    @Test func errorsNameTheGivenFileName() throws {
        let bad = Data(Fixture.labels([2, 7, 12]))
        let error = caughtError(IDXError.self) { try IDXReader.decodeLabels(bad, fileName: "l-idx1-ubyte") }
        #expect(error?.description == "l-idx1-ubyte: label 12 at index 2 (byte 10) is outside 0–9")
        let empty = caughtError(IDXError.self) { try IDXReader.decodeImages(Data()) }
        #expect(empty?.description == "<memory>: empty file")
    }

    @Test func cutGzipInMemoryEndsUnexpectedly() throws {
        let gzip = Fixture.gzipStored(Fixture.images(count: 2, rows: 3, cols: 3))
        let error = caughtError(IDXError.self) { try IDXReader.decodeImages(Data(gzip.prefix(40)), fileName: "cut.gz") }
        #expect(error == .corruptGzip(file: "cut.gz", offset: 40, reason: "unexpected end of compressed data"))
    }
}
