import Foundation
import ModelFiles
import NN
import Testing

/// The format comes from the extension; `StateDict` keeps keys in order like an OrderedDict.
@Suite("Formats and StateDict")
struct FormatSelectionTests {
    @Test func extensionsChooseTheFormat() throws {
        #expect(try ModelFileFormat(url: URL(fileURLWithPath: "/m/model.pth")) == .checkpoint)
        #expect(try ModelFileFormat(url: URL(fileURLWithPath: "/m/model.PT")) == .checkpoint)
        #expect(try ModelFileFormat(url: URL(fileURLWithPath: "/m/model.safetensors")) == .safetensors)
    }

    @Test func wrongExtension() {
        let error = #expect(throws: ModelFileError.self) { try StateDict(contentsOf: URL(fileURLWithPath: "/m/model.bin")) }
        #expect(error?.description == "model.bin: extension '.bin' names no state-dict format (expected .pth, .pt or .safetensors)")
    }

    @Test func noExtension() {
        let error = #expect(throws: ModelFileError.self) {
            try StateDict().write(to: URL(fileURLWithPath: "/tmp/model"))
        }
        #expect(error?.description == "model: has no extension to name its format (expected .pth, .pt or .safetensors)")
    }

    @Test func missingFile() {
        let error = #expect(throws: ModelFileError.self) {
            try StateDict(contentsOf: URL(fileURLWithPath: "/nonexistent/missing.pth"))
        }
        #expect(error?.description == "missing.pth: cannot be read: No such file or directory")
    }

    @Test func emptyFilesOfEitherFormat() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modelfiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["empty.pth", "empty.safetensors"] {
            let url = folder.appendingPathComponent(name)
            try Data().write(to: url)
            let error = #expect(throws: ModelFileError.self) { try StateDict(contentsOf: url) }
            #expect(error?.description == "\(name): file is empty")
        }
    }

    @Test func stateDictBehavesLikeAnOrderedDict() {
        var stateDict = StateDict()
        stateDict["b"] = Tensor(shape: [1], storage: [1])
        stateDict["a"] = Tensor(shape: [1], storage: [2])
        stateDict["b"] = Tensor(shape: [1], storage: [3])
        #expect(stateDict.keys == ["b", "a"])
        #expect(stateDict["b"]?.storage == [3])
        stateDict["b"] = nil
        #expect(stateDict.keys == ["a"])
        #expect(stateDict.count == 1)
        #expect(stateDict.entries.map(\.key) == ["a"])
    }
}

extension FormatSelectionTests {
    @Test func unwritableLocation() {
        let error = #expect(throws: ModelFileError.self) {
            try StateDict().write(to: URL(fileURLWithPath: "/nonexistent/folder/model.safetensors"))
        }
        #expect(error?.description == "model.safetensors: cannot be written: folder /nonexistent/folder: No such file or directory")
    }
}
