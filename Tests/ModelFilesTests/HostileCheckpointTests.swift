import Foundation
import ModelFiles
import Testing

/// Pickles that would run code under Python's unpickler are refused at their first foreign global.
@Suite("Hostile checkpoints")
struct HostileCheckpointTests {
    static let files = [
        "evil-os-system.pth", "evil-builtins-eval.pth", "evil-posix-system.pth", "evil-subprocess-popen.pth",
        "evil-custom-class.pth", "evil-inside-state-dict.pth", "evil-stack-global.pth",
    ]

    @Test("refuses the global the pickle asks for", arguments: files)
    func refusesGlobal(name: String) throws {
        let hostile = try #require(try ModelFilesReference.load().hostile.first { $0.file == name })
        let error = #expect(throws: ModelFileError.self) {
            try StateDict(contentsOf: ModelFilesReference.url(name))
        }
        #expect(error?.description == "\(name): refuses global '\(hostile.refusedGlobal)' (only state dicts of tensors are read)")
    }

    @Test func everyHostileFixtureIsCovered() throws {
        #expect(Set(try ModelFilesReference.load().hostile.map(\.file)) == Set(Self.files))
    }

    @Test func refusesOsSystemAsTheBriefWordsIt() throws {
        let data = try Data(contentsOf: ModelFilesReference.url("evil-os-system.pth"))
        let error = #expect(throws: ModelFileError.self) { try Checkpoint.decode(data, fileName: "checkpoint.pth") }
        #expect(error?.description == "checkpoint.pth: refuses global 'os.system' (only state dicts of tensors are read)")
        #expect(error?.problem == .refusedGlobal("os.system", offset: 2))
    }

    @Test func refusesAForeignGlobalEvenWhereATensorIsExpected() throws {
        // A well-formed state dict whose rebuild function is swapped for torch.load.
        var pickle = PickleBytes()
        pickle.orderedDict()
        pickle.string("w")
        pickle.global("torch", "load")
        pickle.stop()
        let error = #expect(throws: ModelFileError.self) {
            try Checkpoint.decode(ArchiveBytes.checkpoint(pickle: pickle.bytes), fileName: "model.pth")
        }
        #expect(error?.description == "model.pth: refuses global 'torch.load' (only state dicts of tensors are read)")
    }

    @Test func refusesToCallAStorageClass() throws {
        var pickle = PickleBytes()
        pickle.global("torch", "FloatStorage")
        pickle.emptyTuple()
        pickle.reduce()
        pickle.stop()
        let error = #expect(throws: ModelFileError.self) {
            try Checkpoint.decode(ArchiveBytes.checkpoint(pickle: pickle.bytes), fileName: "model.pth")
        }
        #expect(error?.description == "model.pth: data.pkl: calls torch.FloatStorage, which torch.save never does at offset 23")
    }
}
