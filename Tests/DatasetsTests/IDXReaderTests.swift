import Foundation
import Testing
@testable import Datasets

/// Good IDX files read back exactly, whatever their encoding.
@Suite struct IDXReaderTests {
    @Test func rawAndGzipCopiesGiveIdenticalData() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // The real sample (zlib-compressed by gzip), re-encoded raw, stored-gzip and as three members.
        let sample = try IDXReader.readImages(path: DatasetSource.sampleDirectory() + "/t10k-images-idx3-ubyte.gz")
        let raw = Fixture.images(count: sample.count, pixels: sample.pixels)
        let rawPath = try directory.write(raw, to: "raw-idx3-ubyte")
        let storedPath = try directory.write(Fixture.gzipStored(raw), to: "stored-idx3-ubyte.gz")
        let membersPath = try directory.write(Fixture.gzipStored(raw, members: 3), to: "members-idx3-ubyte.gz")

        let fromRaw = try IDXReader.readImages(path: rawPath)
        let fromStored = try IDXReader.readImages(path: storedPath)
        let fromMembers = try IDXReader.readImages(path: membersPath)
        #expect(sample.count == 1000)
        #expect(fromRaw.pixels == sample.pixels)
        #expect(fromStored.pixels == sample.pixels)
        #expect(fromMembers.pixels == sample.pixels)
        #expect(([fromRaw.count, fromRaw.rows, fromRaw.cols] as [Int]) == [1000, 28, 28])
        #expect(fromRaw.fileSize == 784_016)
    }

    @Test func smallImagesFileReadsExactly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pixels: [UInt8] = [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]
        let path = try directory.write(Fixture.images(count: 2, rows: 2, cols: 3, pixels: pixels), to: "small-idx3-ubyte")
        let images = try IDXReader.readImages(path: path)
        #expect(([images.count, images.rows, images.cols] as [Int]) == [2, 2, 3])
        #expect(images.pixels == pixels)
    }

    @Test func zeroImagesIsAValidFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(Fixture.images(count: 0), to: "none-idx3-ubyte")
        let images = try IDXReader.readImages(path: path)
        #expect(images.count == 0)
        #expect(images.pixels.isEmpty)
    }

    @Test func labelsMayUseAllTenClasses() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(Fixture.gzipStored(Fixture.labels(Array(0...9))), to: "l-idx1-ubyte.gz")
        #expect(try IDXReader.readLabels(path: path).labels == Array(0...9))
    }
}
