import Foundation
import ModelFiles
import ZIPFoundation
import Testing

/// The zip layer of checkpoints read from untrusted files, through minizip and in-memory I/O functions that
/// refuse every place outside the data: damaged archives fail with an error naming the record, never a trap.
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
    /// file made ZIPFoundation's in-memory reader trap ("Range requires lowerBound <= upperBound");
    /// minizip refuses to open it.
    @Test func centralDirectoryPastTheEndOfTheFile() throws {
        let input = try #require(Data(base64Encoded: """
            UC53ZWlnaHRjYnVpbHRpbnMKZXhlYwpYCQAAAGltcG9ydCBvc4VScy5QSwMEFAAAAAAAAAAhUIU94xkGAAAABgAAACAAAABldmlsLWlu\
            c2lkZS1zdGF0ZS1kaWN0L2J5dGVvcmRlcmxpdHRsZVBLAwQUAAAAAAAAACFQ0Z5nVQIAAAACAAAAHgAAAGV2aWwtaW5zaWRlLXN0YXRl\
            LWRpY3QvAAAAAAAAAAAAAAAAAAAAAABlLXN0YXRlLWRpY3QvdmVyc2lvblBLBQYAAAAAAwADAOcAAAAKAQAAAAA=
            """))
        #expect(message(input) == Self.noEndRecord)
    }

    /// `checkpoint` leak-97a1f2fb: bytes without an end record made ZIPFoundation leak its in-memory
    /// file; minizip refuses them.
    @Test func bytesWithoutAnEndRecord() {
        #expect(message(Data("P.weightcbuiltins\nexec\n".utf8)) == Self.noEndRecord)
    }

    /// What minizip's refusal to open an archive reads as: it does not say why.
    private static let noEndRecord = "model.pth: not a zip archive (minizip finds no end-of-central-directory record "
        + "that fits the file; it may be truncated); torch.save writes zip archives since PyTorch 1.6"

    // MARK: - End records

    @Test func endRecordWhoseCommentRunsPastTheEnd() throws {
        var data = try checkpoint()
        patch(&data, at: data.count - 2, 5, bytes: 2)
        #expect(message(data) == "model.pth: not a zip archive (the end-of-central-directory record's 5-byte comment "
                + "runs past the end of the file); torch.save writes zip archives since PyTorch 1.6")
    }

    @Test func moreEntriesThanTheCentralDirectoryHolds() throws {
        var data = try checkpoint()
        patch(&data, at: data.count - 22 + 10, 0xFFFF, bytes: 2)
        #expect(message(data) == Self.noEndRecord)
    }

    @Test func zip64LocatorNamingNoRecord() throws {
        var data = try checkpoint()
        // A locator (signature, disk, record offset, disk count) just before the end record.
        var locator = Data([0x50, 0x4B, 0x06, 0x07, 0, 0, 0, 0])
        withUnsafeBytes(of: UInt64(1 << 40).littleEndian) { locator.append(contentsOf: $0) }
        locator.append(contentsOf: [1, 0, 0, 0])
        data.insert(contentsOf: locator, at: data.count - 22)
        // minizip falls back to the plain end record, whose offsets the 20 inserted bytes have shifted.
        #expect(message(data) == "model.pth: not a zip archive (central directory entry 0 is missing or damaged "
                + "(minizip: bad zip file)); torch.save writes zip archives since PyTorch 1.6")
    }

    // MARK: - Entries

    @Test func deflatedRecordsAreRead() throws {
        let stateDict = try Checkpoint.decode(checkpoint(compression: .deflate), fileName: "model.pth")
        #expect(stateDict["w"]?.storage == six)
    }

    @Test func localHeaderPastTheEnd() throws {
        var data = try checkpoint()
        patch(&data, at: try firstCentralHeader(data) + 42, 0x7FFF_FFFF)
        #expect(message(data) == "model.pth: record 'archive/data.pkl' is damaged: its local header is missing or disagrees "
                + "with its central directory entry (minizip: bad zip file); a seek to offset 2147483647 lies past the end "
                + "of the \(data.count)-byte file")
    }

    @Test func recordRunningPastTheEnd() throws {
        var data = try checkpoint()
        let header = try firstCentralHeader(data)
        // Both headers declare the sizes, so minizip's comparison of them passes.
        for offset in [header + 20, header + 24, 18, 22] { patch(&data, at: offset, 0x00FF_FFFF) }
        #expect(message(data) == "model.pth: record 'archive/data.pkl' is damaged: its 16777215 compressed bytes "
                + "at offset 46 run past the end of the file")
    }

    @Test func localHeaderDisagreeingWithTheCentralDirectory() throws {
        var data = try checkpoint()
        patch(&data, at: try firstCentralHeader(data) + 16, 0x1234_5678)  // the CRC-32
        #expect(message(data) == "model.pth: record 'archive/data.pkl' is damaged: its local header is missing or disagrees "
                + "with its central directory entry (minizip: bad zip file)")
    }

    @Test func unsupportedCompressionMethod() throws {
        var data = try checkpoint()
        patch(&data, at: try firstCentralHeader(data) + 10, 14, bytes: 2)
        #expect(message(data) == "model.pth: record 'archive/data.pkl' is damaged: compression method 14 is not "
                + "supported (only stored and deflate)")
    }

    /// A zip bomb's declared size is refused before anything is allocated or inflated.
    @Test func declaredSizeBeyondWhatDeflateCanProduce() throws {
        var data = try checkpoint(compression: .deflate)
        let header = try firstCentralHeader(data)
        let compressed = Int(data[data.startIndex + header + 20]) | Int(data[data.startIndex + header + 21]) << 8
        patch(&data, at: header + 24, 60 << 20)
        patch(&data, at: 22, 60 << 20)
        #expect(message(data) == "model.pth: record 'archive/data.pkl' is damaged: it declares 62914560 bytes from "
                + "\(compressed) compressed bytes, more than deflate can produce")
    }

    /// An empty zip is only its end record; minizip never looks for one at offset 0, so it does not open.
    @Test func archiveWithoutEntries() {
        let empty = Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
        #expect(message(empty) == Self.noEndRecord)
        #expect(message(Data([0x00]) + empty) == "model.pth: not a torch.save archive: the archive has no entries")
    }

    /// minizip inflates no more than the declared size; the cut bytes then fail their CRC-32.
    @Test func deflatedRecordLongerThanDeclared() throws {
        var data = try checkpoint(compression: .deflate)
        patch(&data, at: try firstCentralHeader(data) + 24, 10)
        patch(&data, at: 22, 10)
        #expect(message(data) == "model.pth: record 'archive/data.pkl' is damaged: CRC-32 mismatch")
    }

    @Test func corruptDeflateData() throws {
        var data = try checkpoint(compression: .deflate)
        // The first byte of data.pkl's deflate stream (after a 30-byte local header and the name): block type 3 is invalid.
        data[data.startIndex + 30 + "archive/data.pkl".utf8.count] = 0xFF
        #expect(message(data) == "model.pth: record 'archive/data.pkl' is damaged: its deflate data is corrupt (zlib: Z_DATA_ERROR)")
    }
}
