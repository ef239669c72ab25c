import Foundation
import Testing
@testable import Datasets

/// One test per kind of bad IDX file: each gives its own typed error, names the file, and nothing crashes.
@Suite struct IDXBadFileTests {
    /// Writes `bytes` as `name` in a fresh directory and returns the error reading it as images.
    private func imagesError(_ bytes: [UInt8], name: String = "train-images-idx3-ubyte") throws -> IDXError? {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(bytes, to: name)
        return caughtError(IDXError.self) { try IDXReader.readImages(path: path) }
    }

    /// Writes `bytes` as `name` in a fresh directory and returns the error reading it as labels.
    private func labelsError(_ bytes: [UInt8], name: String = "train-labels-idx1-ubyte") throws -> IDXError? {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(bytes, to: name)
        return caughtError(IDXError.self) { try IDXReader.readLabels(path: path) }
    }

    @Test func wrongMagicIsNotAnIDXFile() throws {
        let zipHeader: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 40)
        let error = try imagesError(zipHeader, name: "archive.zip")
        #expect(error == .wrongMagic(file: "archive.zip", found: 0x504B_0304, expected: 0x0000_0803))
        #expect(error?.description == "archive.zip: not an IDX file: magic number 0x504B0304, expected 0x00000803")
    }

    @Test func floatDataTypeIsRejected() throws {
        let error = try imagesError(Fixture.idx(magic: 0x0000_0D03, dimensions: [1, 2, 2], data: [0, 0, 0, 0]))
        #expect(error == .unsupportedDataType(file: "train-images-idx3-ubyte", typeCode: 0x0D))
        #expect(error?.description == "train-images-idx3-ubyte: unsupported IDX data type 0x0D (float); only unsigned bytes (0x08) are supported")
    }

    @Test func labelsFileReadAsImagesHasWrongDimensionCount() throws {
        let error = try imagesError(Fixture.labels([1, 2, 3]), name: "t10k-labels-idx1-ubyte")
        #expect(error == .wrongDimensionCount(file: "t10k-labels-idx1-ubyte", found: 1, expected: 3))
        #expect(error?.description == "t10k-labels-idx1-ubyte: wrong dimension count: the header declares 1 dimension but an IDX images file has 3")
    }

    @Test func truncatedHeaderInTheSizes() throws {
        let tenBytes = Array(Fixture.images(count: 1).prefix(10))
        let error = try imagesError(tenBytes)
        #expect(error == .truncatedHeader(file: "train-images-idx3-ubyte", needed: 16, available: 10))
        #expect(error?.description == "train-images-idx3-ubyte: truncated header: an IDX header of 16 bytes is expected but only 10 are present")
    }

    @Test func truncatedHeaderInTheMagic() throws {
        let error = try labelsError([0, 0, 8])
        #expect(error == .truncatedHeader(file: "train-labels-idx1-ubyte", needed: 8, available: 3))
    }

    @Test func truncatedData() throws {
        let file = Array(Fixture.images(count: 3).prefix(16 + 1200))
        let error = try imagesError(file, name: "train-images-idx3-ubyte.gz")
        #expect(error == .truncatedData(file: "train-images-idx3-ubyte.gz", dimensions: [3, 28, 28],
                                        expectedBytes: 2352, remainingBytes: 1200))
        #expect(error?.description == "train-images-idx3-ubyte.gz: truncated data: header declares 3 images of 28x28 (2352 bytes) but 1200 remain")
    }

    @Test func truncatedDataInsideGzip() throws {
        let file = Fixture.gzipStored(Array(Fixture.images(count: 3).prefix(16 + 1200)))
        let error = try imagesError(file, name: "train-images-idx3-ubyte.gz")
        #expect(error == .truncatedData(file: "train-images-idx3-ubyte.gz", dimensions: [3, 28, 28],
                                        expectedBytes: 2352, remainingBytes: 1200))
    }

    @Test func trailingBytes() throws {
        let error = try labelsError(Fixture.labels([1, 2, 3, 4, 5]) + [7, 7])
        #expect(error == .trailingBytes(file: "train-labels-idx1-ubyte", dimensions: [5], expectedBytes: 5, extraBytes: 2))
        #expect(error?.description == "train-labels-idx1-ubyte: trailing bytes: header declares 5 labels (5 bytes) but 2 more bytes follow")
    }

    @Test func trailingBytesInsideGzip() throws {
        let error = try imagesError(Fixture.gzipStored(Fixture.images(count: 2) + [1]), name: "x.gz")
        #expect(error == .trailingBytes(file: "x.gz", dimensions: [2, 28, 28], expectedBytes: 1568, extraBytes: 1))
    }

    @Test func imageAndLabelCountsMustAgree() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let images = try directory.write(Fixture.images(count: 3), to: "train-images-idx3-ubyte")
        let labels = try directory.write(Fixture.labels([1, 2]), to: "train-labels-idx1-ubyte")
        let error = caughtError(IDXError.self) {
            try MNISTDataset(imagesPath: images, labelsPath: labels, kind: .mnist, split: .train)
        }
        #expect(error == .countMismatch(imagesFile: "train-images-idx3-ubyte", images: 3,
                                        labelsFile: "train-labels-idx1-ubyte", labels: 2))
        #expect(error?.description == "train-images-idx3-ubyte: count mismatch: it holds 3 images but train-labels-idx1-ubyte holds 2 labels")
    }

    @Test func labelAboveNine() throws {
        let error = try labelsError(Fixture.labels([1, 9, 12, 3]))
        #expect(error == .labelOutOfRange(file: "train-labels-idx1-ubyte", index: 2, label: 12, classCount: 10))
        #expect(error?.description == "train-labels-idx1-ubyte: label 12 at index 2 (byte 10) is outside 0–9")
    }

    @Test func sixteenByteFileDeclaringTwoBillionImagesIsAbsurd() throws {
        let header = Fixture.idx(magic: 0x0000_0803, dimensions: [1 << 31, 28, 28], data: [])
        #expect(header.count == 16)
        let error = try imagesError(header)
        #expect(error == .absurdDimensions(file: "train-images-idx3-ubyte", dimensions: [2_147_483_648, 28, 28]))
        #expect(error?.description.hasPrefix("train-images-idx3-ubyte: absurd dimensions: the header declares 2147483648 images of 28x28;") == true)
    }

    @Test func hugeSidesAndZeroSidesAreAbsurd() throws {
        let huge = try imagesError(Fixture.idx(magic: 0x0000_0803, dimensions: [1, 4096, 4096], data: []))
        #expect(huge == .absurdDimensions(file: "train-images-idx3-ubyte", dimensions: [1, 4096, 4096]))
        let zero = try imagesError(Fixture.idx(magic: 0x0000_0803, dimensions: [5, 0, 28], data: []))
        #expect(zero == .absurdDimensions(file: "train-images-idx3-ubyte", dimensions: [5, 0, 28]))
        // Each limit alone is fine, together 1e7 × 1024 × 1024 is not.
        let total = try imagesError(Fixture.idx(magic: 0x0000_0803, dimensions: [10_000_000, 1024, 1024], data: []))
        #expect(total == .absurdDimensions(file: "train-images-idx3-ubyte", dimensions: [10_000_000, 1024, 1024]))
    }

    @Test func absurdLabelCountInsideGzip() throws {
        let error = try labelsError(Fixture.gzipStored(Fixture.idx(magic: 0x0000_0801, dimensions: [0xFFFF_FFFF], data: [])),
                                    name: "l.gz")
        #expect(error == .absurdDimensions(file: "l.gz", dimensions: [4_294_967_295]))
    }

    @Test func corruptGzipData() throws {
        var bytes = try Fixture.sampleFile("train-labels-idx1-ubyte.gz")
        // Overwrite the middle of the deflate stream with 0xFF: an invalid block type or code.
        for i in 200..<260 { bytes[i] = 0xFF }
        let error = try labelsError(bytes, name: "train-labels-idx1-ubyte.gz")
        guard case let .corruptGzip(file, offset, reason)? = error else {
            Issue.record("expected corruptGzip, got \(String(describing: error))")
            return
        }
        #expect(file == "train-labels-idx1-ubyte.gz")
        #expect((200...bytes.count).contains(offset))
        #expect(!reason.isEmpty)
        #expect(error?.description.hasPrefix("train-labels-idx1-ubyte.gz: corrupt gzip data at compressed byte ") == true)
    }

    @Test func cutGzipEndsUnexpectedly() throws {
        let bytes = Array(try Fixture.sampleFile("t10k-labels-idx1-ubyte.gz").prefix(300))
        let error = try labelsError(bytes, name: "t10k-labels-idx1-ubyte.gz")
        #expect(error == .corruptGzip(file: "t10k-labels-idx1-ubyte.gz", offset: 300, reason: "unexpected end of compressed data"))
    }

    @Test func gzipChecksumMismatch() throws {
        var bytes = try Fixture.sampleFile("t10k-labels-idx1-ubyte.gz")
        bytes[bytes.count - 8] ^= 0x01  // the CRC-32 in the trailer
        let error = try labelsError(bytes, name: "t10k-labels-idx1-ubyte.gz")
        #expect(error == .corruptGzip(file: "t10k-labels-idx1-ubyte.gz", offset: bytes.count - 4, reason: "incorrect data check"))
    }

    @Test func junkAfterTheGzipMember() throws {
        let bytes = Fixture.gzipStored(Fixture.labels([1, 2])) + [0, 0, 0]
        let error = try labelsError(bytes, name: "l.gz")
        #expect(error == .corruptGzip(file: "l.gz", offset: bytes.count - 3,
                                      reason: "3 bytes that are not a gzip member follow the compressed data"))
    }

    @Test func emptyFile() throws {
        let error = try imagesError([], name: "t10k-images-idx3-ubyte")
        #expect(error == .emptyFile(file: "t10k-images-idx3-ubyte"))
        #expect(error?.description == "t10k-images-idx3-ubyte: empty file")
    }

    @Test func gzipOfNothingIsAnEmptyFile() throws {
        let error = try imagesError(Fixture.gzipStored([]), name: "t10k-images-idx3-ubyte.gz")
        #expect(error == .emptyFile(file: "t10k-images-idx3-ubyte.gz"))
    }

    @Test func missingFileNamesThePath() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/nothing-here-idx3-ubyte.gz"
        let error = caughtError(IDXError.self) { try IDXReader.readImages(path: path) }
        #expect(error == .fileNotFound(path: path))
        #expect(error?.description == "\(path): no such file")
    }

    @Test func directoryInsteadOfFileIsUnreadable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = caughtError(IDXError.self) { try IDXReader.readLabels(path: directory.path) }
        #expect(error == .unreadable(path: directory.path, reason: "is a directory"))
    }

    @Test func localizedDescriptionIsTheOneLineMessage() throws {
        let error: Error = IDXError.emptyFile(file: "a.gz")
        #expect(error.localizedDescription == "a.gz: empty file")
    }
}
