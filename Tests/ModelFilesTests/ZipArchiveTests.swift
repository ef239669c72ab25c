import Foundation
import ModelFiles
import ZIPFoundation
import Testing

/// The zip layer of checkpoints read from untrusted files: every offset and size is checked before it
/// is followed, so damaged archives fail with an error naming the record and the offset, never a trap.
@Suite("Zip archives of checkpoints")
struct ZipArchiveTests {
    private func message(_ data: Data) -> String? {
        do {
            _ = try Checkpoint.decode(data, fileName: "model.pth")
            return nil
        } catch {
            return error.description
        }
    }

    private let six: [Float] = [1, 2, 3, 4, 5, 6]

    /// A checkpoint of one float32 tensor `w` of six elements.
    private func checkpoint(compression: CompressionMethod = .none) throws -> Data {
        try ArchiveBytes.checkpoint(
            pickle: PickleBytes.oneTensor(count: 6, size: [6], stride: [1]),
            storages: [("0", ArchiveBytes.float32(six))], compression: compression)
    }

    /// The offset of the first central-directory header (that of `archive/data.pkl`).
    private func firstCentralHeader(_ data: Data) throws -> Int {
        try #require(data.firstRange(of: Data([0x50, 0x4B, 0x01, 0x02]))).lowerBound - data.startIndex
    }

    private func patch(_ data: inout Data, at offset: Int, _ value: UInt32, bytes: Int = 4) {
        for index in 0..<bytes { data[data.startIndex + offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }

    // MARK: - Found by fuzzing

    /// `checkpoint` crash-3b66bd2f: an end record whose central directory starts past the end of the
    /// file made ZIPFoundation's in-memory reader trap ("Range requires lowerBound <= upperBound").
    @Test func centralDirectoryPastTheEndOfTheFile() throws {
        let input = try #require(Data(base64Encoded: """
            UC53ZWlnaHRjYnVpbHRpbnMKZXhlYwpYCQAAAGltcG9ydCBvc4VScy5QSwMEFAAAAAAAAAAhUIU94xkGAAAABgAAACAAAABldmlsLWlu\
            c2lkZS1zdGF0ZS1kaWN0L2J5dGVvcmRlcmxpdHRsZVBLAwQUAAAAAAAAACFQ0Z5nVQIAAAACAAAAHgAAAGV2aWwtaW5zaWRlLXN0YXRl\
            LWRpY3QvAAAAAAAAAAAAAAAAAAAAAABlLXN0YXRlLWRpY3QvdmVyc2lvblBLBQYAAAAAAwADAOcAAAAKAQAAAAA=
            """))
        #expect(message(input) == "model.pth: not a zip archive (the central directory (231 bytes at offset 266) lies "
                + "outside the 221-byte file); torch.save writes zip archives since PyTorch 1.6")
    }

    /// `checkpoint` leak-97a1f2fb: bytes without an end record made ZIPFoundation leak its in-memory
    /// file; they are now refused without it, with the same words.
    @Test func bytesWithoutAnEndRecord() {
        #expect(message(Data("P.weightcbuiltins\nexec\n".utf8)) == "model.pth: not a zip archive (no end-of-central-directory "
                + "record; the file may be truncated); torch.save writes zip archives since PyTorch 1.6")
    }

    // MARK: - End records

    @Test func endRecordWhoseCommentRunsPastTheEnd() throws {
        var data = try checkpoint()
        patch(&data, at: data.count - 2, 5, bytes: 2)
        #expect(message(data) == "model.pth: not a zip archive (no end-of-central-directory "
                + "record; the file may be truncated); torch.save writes zip archives since PyTorch 1.6")
    }

    @Test func moreEntriesThanTheCentralDirectoryHolds() throws {
        var data = try checkpoint()
        patch(&data, at: data.count - 22 + 10, 0xFFFF, bytes: 2)
        let size = data.count - 22 - (try firstCentralHeader(data))
        #expect(message(data) == "model.pth: not a zip archive (the central directory's \(size) bytes cannot hold "
                + "its 65535 entries); torch.save writes zip archives since PyTorch 1.6")
    }

    @Test func zip64LocatorNamingNoRecord() throws {
        var data = try checkpoint()
        // A locator (signature, disk, record offset, disk count) just before the end record.
        var locator = Data([0x50, 0x4B, 0x06, 0x07, 0, 0, 0, 0])
        withUnsafeBytes(of: UInt64(1 << 40).littleEndian) { locator.append(contentsOf: $0) }
        locator.append(contentsOf: [1, 0, 0, 0])
        data.insert(contentsOf: locator, at: data.count - 22)
        #expect(message(data) == "model.pth: not a zip archive (the zip64 end record the locator names at offset "
                + "1099511627776 is missing); torch.save writes zip archives since PyTorch 1.6")
    }

    // MARK: - Entries

    @Test func deflatedRecordsAreRead() throws {
        let stateDict = try Checkpoint.decode(checkpoint(compression: .deflate), fileName: "model.pth")
        #expect(stateDict["w"]?.storage == six)
    }

    @Test func localHeaderPastTheEnd() throws {
        var data = try checkpoint()
        patch(&data, at: try firstCentralHeader(data) + 42, 0x7FFF_FFFF)
        #expect(message(data) == "model.pth: record 'archive/data.pkl' is damaged: its local header at offset 2147483647 is missing")
    }

    @Test func recordRunningPastTheEnd() throws {
        var data = try checkpoint()
        let header = try firstCentralHeader(data)
        patch(&data, at: header + 20, 0x00FF_FFFF)
        patch(&data, at: header + 24, 0x00FF_FFFF)
        #expect(message(data) == "model.pth: record 'archive/data.pkl' is damaged: its 16777215 compressed bytes "
                + "at offset 46 run past the end of the file")
    }

    @Test func unsupportedCompressionMethod() throws {
        var data = try checkpoint()
        patch(&data, at: try firstCentralHeader(data) + 10, 14, bytes: 2)
        #expect(message(data) == "model.pth: record 'archive/data.pkl' is damaged: compression method 14 is not "
                + "supported (only stored and deflate)")
    }

    @Test func deflatedRecordLongerThanDeclared() throws {
        var data = try checkpoint(compression: .deflate)
        patch(&data, at: try firstCentralHeader(data) + 24, 10)
        #expect(message(data) == "model.pth: record 'archive/data.pkl' is damaged: it inflates to more than its declared 10 bytes")
    }

    @Test func corruptDeflateData() throws {
        var data = try checkpoint(compression: .deflate)
        // The first byte of data.pkl's deflate stream (after a 30-byte local header and the name): block type 3 is invalid.
        data[data.startIndex + 30 + "archive/data.pkl".utf8.count] = 0xFF
        #expect(message(data) == "model.pth: record 'archive/data.pkl' is damaged: its deflate data is corrupt (invalid block type)")
    }
}
