import Foundation
import ModelFiles
import Testing

/// Damaged or malformed checkpoints fail with an error that names the file and what is wrong.
@Suite("Bad checkpoints")
struct BadCheckpointTests {
    /// The error text for decoding `data` as `model.pth`, or nil when it decodes.
    private func message(_ data: Data) -> String? {
        do {
            _ = try Checkpoint.decode(data, fileName: "model.pth")
            return nil
        } catch {
            return error.description
        }
    }

    /// A checkpoint of one float32 tensor `w` over the storage `values`.
    private func oneTensor(count: Int, values: [Float], offset: Int = 0, size: [Int], stride: [Int],
                           storageType: String = "FloatStorage", byteOrder: String? = "little") throws -> Data {
        try ArchiveBytes.checkpoint(
            pickle: PickleBytes.oneTensor(storageType: storageType, count: count, offset: offset, size: size, stride: stride),
            storages: [("0", ArchiveBytes.float32(values))], byteOrder: byteOrder)
    }

    private let six: [Float] = [1, 2, 3, 4, 5, 6]

    // MARK: - The archive

    @Test func readsAHandBuiltCheckpoint() throws {
        let stateDict = try Checkpoint.decode(oneTensor(count: 6, values: six, offset: 1, size: [2, 2], stride: [1, 2]))
        #expect(stateDict["w"]?.storage == [2, 4, 3, 5])
    }

    @Test func emptyFile() {
        #expect(message(Data()) == "model.pth: file is empty")
    }

    @Test func truncatedZip() throws {
        let whole = try Data(contentsOf: ModelFilesReference.url("small-torch2.pth"))
        #expect(message(whole.prefix(whole.count / 2)) == "model.pth: not a zip archive (minizip finds no end-of-central-directory "
                + "record that fits the file; it may be truncated); torch.save writes zip archives since PyTorch 1.6")
    }

    @Test func plainTextIsNoZip() {
        #expect(message(Data("weights: 0.5, 0.25\n".utf8))?.hasPrefix("model.pth: not a zip archive (") == true)
    }

    @Test func legacyTorchSaveFormat() {
        let legacy: [UInt8] = [0x80, 0x02, 0x8A, 0x0A, 0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19, 0x2E]
        #expect(message(Data(legacy)) == "model.pth: legacy torch.save format (before PyTorch 1.6); re-save it with a current PyTorch")
    }

    @Test func missingDataPickle() throws {
        let data = try ArchiveBytes.zip([("archive/version", Array("3\n".utf8))])
        #expect(message(data) == "model.pth: record 'archive/data.pkl' is missing")
    }

    @Test func entriesInTwoTopFolders() throws {
        let data = try ArchiveBytes.zip([("a/data.pkl", PickleBytes.oneTensor(count: 0, size: [0], stride: [1])),
                                         ("b/version", Array("3\n".utf8))])
        #expect(message(data) == "model.pth: not a torch.save archive: entries lie in two top folders, 'a' and 'b'")
    }

    @Test func entryOutsideAnyFolder() throws {
        let data = try ArchiveBytes.zip([("data.pkl", PickleBytes.oneTensor(count: 0, size: [0], stride: [1]))])
        #expect(message(data) == "model.pth: not a torch.save archive: entry 'data.pkl' lies outside a top folder")
    }

    @Test func corruptedStorageFailsItsChecksum() throws {
        var data = try oneTensor(count: 6, values: six, size: [6], stride: [1])
        let stored = ArchiveBytes.float32(six)
        let start = try #require(data.firstRange(of: Data(stored))).lowerBound
        data[start + 5] ^= 0x40
        #expect(message(data) == "model.pth: record 'archive/data/0' is damaged: CRC-32 mismatch")
    }

    @Test func bigEndianByteOrder() throws {
        let data = try oneTensor(count: 6, values: six, size: [6], stride: [1], byteOrder: "big")
        #expect(message(data) == "model.pth: byte order 'big' is not supported (only little-endian checkpoints are read)")
    }

    @Test func missingStorageRecord() throws {
        let data = try ArchiveBytes.checkpoint(pickle: PickleBytes.oneTensor(count: 6, size: [6], stride: [1]))
        #expect(message(data) == "model.pth: record 'archive/data/0' is missing")
    }

    // MARK: - The pickle

    @Test func truncatedPickle() throws {
        let pickle = PickleBytes.oneTensor(count: 6, size: [6], stride: [1])
        let data = try ArchiveBytes.checkpoint(pickle: Array(pickle.prefix(60)), storages: [("0", ArchiveBytes.float32(six))])
        #expect(message(data) == "model.pth: data.pkl: ends at offset 60 before its STOP opcode")
    }

    @Test func corruptedPickleText() throws {
        let data = try ArchiveBytes.checkpoint(pickle: Array("not a pickle".utf8))
        #expect(message(data) == "model.pth: data.pkl: unsupported pickle opcode 0x6e ('n') at offset 0")
    }

    @Test func unknownOpcode() throws {
        let data = try ArchiveBytes.checkpoint(pickle: [0x80, 0x02, 0xFF, 0x2E])
        #expect(message(data) == "model.pth: data.pkl: unsupported pickle opcode 0xff at offset 2")
    }

    @Test func protocolZeroObjectConstructionIsNotImplemented() throws {
        // INST 'os\nsystem\n': protocol 0's way to build an object, never used by torch.save.
        let data = try ArchiveBytes.checkpoint(pickle: [0x28] + Array("ios\nsystem\n".utf8) + [0x2E])
        #expect(message(data) == "model.pth: data.pkl: unsupported pickle opcode 0x69 ('i') at offset 1")
    }

    @Test func stackUnderflow() throws {
        let data = try ArchiveBytes.checkpoint(pickle: [0x80, 0x02, 0x52, 0x2E])
        #expect(message(data) == "model.pth: data.pkl: an opcode needs a value but the stack is empty at offset 2")
    }

    @Test func memoReadBeforeWritten() throws {
        let data = try ArchiveBytes.checkpoint(pickle: [0x80, 0x02, 0x68, 0x05, 0x2E])
        #expect(message(data) == "model.pth: data.pkl: memo entry 5 is read before it is stored at offset 2")
    }

    @Test func bytesAfterStop() throws {
        let data = try ArchiveBytes.checkpoint(pickle: [0x80, 0x02, 0x7D, 0x2E, 0x00])
        #expect(message(data) == "model.pth: data.pkl: 1 bytes follow STOP at offset 3")
    }

    @Test func nestingBeyondTheLimit() throws {
        // EMPTY_TUPLE then 100 × TUPLE1: ((((...),),),)
        let data = try ArchiveBytes.checkpoint(pickle: [0x80, 0x02, 0x29] + Array(repeating: 0x85, count: 100) + [0x2E])
        #expect(message(data) == "model.pth: data.pkl: objects nest deeper than 64 levels at offset 66")
    }

    @Test func keySetTwice() throws {
        var pickle = PickleBytes()
        pickle.raw([0x7D])  // EMPTY_DICT
        pickle.string("k")
        pickle.int(1)
        pickle.setItem()
        pickle.string("k")
        pickle.int(2)
        pickle.setItem()
        pickle.stop()
        let data = try ArchiveBytes.checkpoint(pickle: pickle.bytes)
        #expect(message(data) == "model.pth: data.pkl: dict key 'k' is set twice at offset 20")
    }

    @Test func containerChangedAfterNesting() throws {
        // d = {}; outer = (d,); d['k'] = 1 — never produced by a pickler, but a way to build cycles.
        var pickle = PickleBytes()
        pickle.raw([0x7D, 0x71, 0x00, 0x85, 0x68, 0x00])  // EMPTY_DICT BINPUT 0 TUPLE1 BINGET 0
        pickle.string("k")
        pickle.int(1)
        pickle.setItem()
        pickle.stop()
        let data = try ArchiveBytes.checkpoint(pickle: pickle.bytes)
        #expect(message(data) == "model.pth: data.pkl: a dict or list changes after being placed inside another object at offset 16")
    }

    // MARK: - The state dict

    @Test func pickledListIsNoStateDict() throws {
        let data = try ArchiveBytes.checkpoint(pickle: [0x80, 0x02, 0x5D, 0x2E])
        #expect(message(data) == "model.pth: holds no state dict: the pickle holds a list, not a dict of tensors")
    }

    @Test func valueThatIsNoTensor() throws {
        var pickle = PickleBytes()
        pickle.orderedDict()
        pickle.string("epoch")
        pickle.int(3)
        pickle.setItem()
        pickle.stop()
        let data = try ArchiveBytes.checkpoint(pickle: pickle.bytes)
        #expect(message(data) == "model.pth: holds no state dict: 'epoch' maps to an int, not a tensor")
    }

    @Test func unsupportedStorageType() throws {
        let data = try oneTensor(count: 3, values: six, size: [3], stride: [1], storageType: "LongStorage")
        #expect(message(data) == "model.pth: tensor 'w' is stored as torch.LongStorage "
                + "(only Float, Half, BFloat16 and Double storages are read)")
    }

    @Test func storageRecordShorterThanDeclared() throws {
        let data = try oneTensor(count: 8, values: six, size: [6], stride: [1])
        #expect(message(data) == "model.pth: record 'archive/data/0' holds 24 bytes but its storage declares 32")
    }

    @Test func sizeReachesPastTheStorage() throws {
        let data = try oneTensor(count: 6, values: six, size: [2, 4], stride: [4, 1])
        #expect(message(data) == "model.pth: tensor 'w' reaches outside its storage: "
                + "size [2, 4], stride [4, 1] and offset 0 reach element 7 of a 6-element storage")
    }

    @Test func strideReachesPastTheStorage() throws {
        let data = try oneTensor(count: 6, values: six, size: [2, 3], stride: [4, 1])
        #expect(message(data) == "model.pth: tensor 'w' reaches outside its storage: "
                + "size [2, 3], stride [4, 1] and offset 0 reach element 6 of a 6-element storage")
    }

    @Test func offsetReachesPastTheStorage() throws {
        let data = try oneTensor(count: 6, values: six, offset: 1, size: [2, 3], stride: [3, 1])
        #expect(message(data) == "model.pth: tensor 'w' reaches outside its storage: "
                + "size [2, 3], stride [3, 1] and offset 1 reach element 6 of a 6-element storage")
    }

    @Test func emptyViewStartingPastTheStorage() throws {
        let data = try oneTensor(count: 6, values: six, offset: 7, size: [0, 3], stride: [3, 1])
        #expect(message(data) == "model.pth: tensor 'w' reaches outside its storage: "
                + "size [0, 3], stride [3, 1] and offset 7 start at element 7 of a 6-element storage")
    }

    @Test func expandedViewBeyondTheMemoryLimit() throws {
        // One stored element seen 2^40 times through stride 0: torch would make a view; we would copy.
        let data = try oneTensor(count: 1, values: [1], size: [1 << 40], stride: [0])
        #expect(message(data) == "model.pth: tensor 'w': size [1099511627776] with stride [0] expands 1 stored elements "
                + "to 1099511627776, past the limit of 67108864 added elements")
    }

    @Test func negativeStride() throws {
        let data = try oneTensor(count: 6, values: six, offset: 5, size: [6], stride: [-1])
        #expect(message(data) == "model.pth: tensor 'w': stride [-1] has a negative step")
    }

    @Test func sizeAndStrideOfDifferentRank() throws {
        let data = try oneTensor(count: 6, values: six, size: [2, 3], stride: [1])
        #expect(message(data) == "model.pth: tensor 'w': size [2, 3] and stride [1] differ in length")
    }

    @Test func oneStorageDeclaredTwoWays() throws {
        var pickle = PickleBytes()
        pickle.orderedDict()
        pickle.tensorItem("a", storageKey: "0", count: 6, size: [6], stride: [1])
        pickle.tensorItem("b", storageKey: "0", count: 5, size: [5], stride: [1])
        pickle.stop()
        let data = try ArchiveBytes.checkpoint(pickle: pickle.bytes, storages: [("0", ArchiveBytes.float32(six))])
        #expect(message(data) == "model.pth: record 'archive/data/0': declared as 6 × FloatStorage and as 5 × FloatStorage")
    }
}
