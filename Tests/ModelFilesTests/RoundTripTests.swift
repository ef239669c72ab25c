import Foundation
@testable import ModelFiles
import NN
import Testing
import ZIPFoundation

/// What we write reads back bit for bit, and is laid out as PyTorch's own writers lay it out.
@Suite("Writing state dicts")
struct RoundTripTests {
    @Test("checkpoint round trip keeps keys, order and bits", arguments: FixtureReadingTests.checkpoints)
    func checkpointRoundTrip(name: String) throws {
        let original = try StateDict(contentsOf: ModelFilesReference.url(name))
        let again = try Checkpoint.decode(Checkpoint.encode(original))
        #expect(again.keys == original.keys)
        for key in original.keys { #expect(again[key]?.shape == original[key]?.shape) }
        for key in original.keys { #expect(again[key]?.bits == original[key]?.bits) }
    }

    @Test("safetensors round trip keeps bits (keys sorted as the format lays them out)",
          arguments: FixtureReadingTests.safetensorsFiles)
    func safetensorsRoundTrip(name: String) throws {
        let original = try Safetensors.read(from: ModelFilesReference.url(name))
        let again = try Safetensors.decode(Safetensors.encode(original.stateDict, metadata: original.metadata))
        #expect(again.stateDict.keys == original.stateDict.keys)
        for key in original.stateDict.keys { #expect(again.stateDict[key]?.bits == original.stateDict[key]?.bits) }
        #expect(again.metadata == original.metadata)
        #expect(Set(again.storedTypes.values) == [.float32])
    }

    @Test func specialValuesSurviveBothFormats() throws {
        let values: [Float] = [0, -0.0, .infinity, -.infinity, .nan, Float(bitPattern: 0x7FC0_1234),
                               .leastNonzeroMagnitude, .greatestFiniteMagnitude, Float(bitPattern: 0x0001_1234)]
        let stateDict = StateDict(uniqueKeysWithValues: [
            ("special", Tensor(shape: [3, 3], storage: values)),
            ("scalar", Tensor(shape: [], storage: [7])),
            ("empty", Tensor(shape: [0, 4], storage: [])),
        ])
        let checkpoint = try Checkpoint.decode(Checkpoint.encode(stateDict))
        let safetensors = try Safetensors.decode(Safetensors.encode(stateDict)).stateDict
        for key in stateDict.keys {
            #expect(checkpoint[key]?.bits == stateDict[key]?.bits)
            #expect(checkpoint[key]?.shape == stateDict[key]?.shape)
            #expect(safetensors[key]?.bits == stateDict[key]?.bits)
            #expect(safetensors[key]?.shape == stateDict[key]?.shape)
        }
        #expect(checkpoint.keys == ["special", "scalar", "empty"])
        #expect(safetensors.keys == ["empty", "scalar", "special"])
    }

    @Test func pickleIsByteIdenticalToTorchSaveOfAPlainOrderedDict() throws {
        let name = try ModelFilesReference.load().pickleIdentical
        let data = try Data(contentsOf: ModelFilesReference.url(name))
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive.first { $0.path.hasSuffix("/data.pkl") })
        var torchPickle = Data()
        _ = try archive.extract(entry) { torchPickle.append($0) }

        let stateDict = try Checkpoint.decode(data)
        let ours = StateDictPickler.pickle(stateDict.entries.map { ($0.key, $0.tensor.shape) })
        #expect(ours == [UInt8](torchPickle))
    }

    @Test("safetensors bytes identical to the reference writer's", arguments: ["notebook.safetensors", "small.safetensors"])
    func safetensorsIsByteIdenticalToReferenceWriter(name: String) throws {
        let data = try Data(contentsOf: ModelFilesReference.url(name))
        let contents = try Safetensors.decode(data)
        #expect(try Safetensors.encode(contents.stateDict, metadata: contents.metadata) == data)
    }

    @Test func checkpointArchiveHasTorchSaveRecordsStoredUncompressed() throws {
        let stateDict = StateDict(uniqueKeysWithValues: [("a", Tensor(shape: [2], storage: [1, 2])),
                                                         ("b", Tensor(shape: [1], storage: [3]))])
        let archive = try Archive(data: Checkpoint.encode(stateDict, archiveName: "model"), accessMode: .read)
        #expect(archive.map(\.path) == ["model/data.pkl", "model/byteorder", "model/data/0", "model/data/1", "model/version"])
        #expect(archive.allSatisfy { !$0.isCompressed })
        var version = Data()
        _ = try archive.extract(try #require(archive["model/version"])) { version.append($0) }
        #expect(String(decoding: version, as: UTF8.self) == "3\n")
    }

    @Test func writingPicksTheFormatFromTheExtensionAndReplacesAtomically() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modelfiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stateDict = try StateDict(contentsOf: ModelFilesReference.url("small-torch2.pth"))
        for name in ["model.pth", "model.pt", "model.safetensors"] {
            let url = folder.appendingPathComponent(name)
            try Data("old contents".utf8).write(to: url)
            try stateDict.write(to: url)
            let again = try StateDict(contentsOf: url)
            for key in stateDict.keys { #expect(again[key]?.bits == stateDict[key]?.bits, "\(name) '\(key)'") }
        }
        let archive = try Archive(url: folder.appendingPathComponent("model.pth"), accessMode: .read)
        #expect(archive.map(\.path).first == "model/data.pkl")
        #expect(try Array(FileManager.default.contentsOfDirectory(atPath: folder.path)).sorted()
            == ["model.pt", "model.pth", "model.safetensors"])
    }

    @Test func safetensorsRefusesATensorNamedLikeTheMetadata() {
        let stateDict = StateDict(uniqueKeysWithValues: [("__metadata__", Tensor(shape: [1], storage: [1]))])
        #expect(throws: ModelFileError(file: "x.safetensors", problem: .reservedKey("__metadata__"))) {
            try Safetensors.encode(stateDict, fileName: "x.safetensors")
        }
    }

    @Test func safetensorsEscapesNamesAsJSON() throws {
        let name = "quote\" back\\slash\ttab\u{01} é"
        let stateDict = StateDict(uniqueKeysWithValues: [(name, Tensor(shape: [1], storage: [2]))])
        let contents = try Safetensors.decode(Safetensors.encode(stateDict, metadata: ["k\"": "v\n"]))
        #expect(contents.stateDict.keys == [name])
        #expect(contents.metadata == ["k\"": "v\n"])
    }
}
