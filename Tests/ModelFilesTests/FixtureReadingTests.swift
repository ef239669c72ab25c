import Foundation
import ModelFiles
import NN
import Testing

/// Every fixture written by real PyTorch decodes to exactly the values PyTorch holds.
@Suite("Reading state dicts written by PyTorch")
struct FixtureReadingTests {
    /// Checkpoints: keys in PyTorch's order, shapes, and every bit of every tensor.
    static let checkpoints = [
        "notebook-torch2.pth", "notebook-torch1.pth", "small-torch2.pth", "small-torch1.pth",
        "small-float16-torch2.pth", "small-bfloat16-torch2.pth", "small-float64-torch2.pth",
        "views-torch2.pth", "views-torch1.pth", "plain-ordereddict-torch2.pth", "plain-dict-torch2.pth",
        "parameters-torch2.pth", "small-protocol4-torch2.pth",
    ]

    /// safetensors files from `safetensors.torch.save_file`.
    static let safetensorsFiles = [
        "notebook.safetensors", "small.safetensors", "small-float16.safetensors",
        "small-bfloat16.safetensors", "small-float64.safetensors",
    ]

    @Test("checkpoint matches PyTorch bit for bit", arguments: checkpoints)
    func checkpointMatchesPyTorch(name: String) throws {
        let reference = try #require(try ModelFilesReference.load().file(name), "\(name) is not in expected.json")
        let stateDict = try StateDict(contentsOf: ModelFilesReference.url(name))
        #expect(stateDict.keys == reference.tensors.map(\.key))
        try expectValues(stateDict, reference)
    }

    @Test("safetensors file matches PyTorch bit for bit, in data order", arguments: safetensorsFiles)
    func safetensorsMatchesPyTorch(name: String) throws {
        let reference = try #require(try ModelFilesReference.load().file(name), "\(name) is not in expected.json")
        let contents = try Safetensors.read(from: ModelFilesReference.url(name))
        // The reference writer lays tensors out by name; we return them in data order.
        #expect(contents.stateDict.keys == reference.tensors.map(\.key).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(contents.metadata == ["format": "pt"])
        let storedType = try #require(ElementType(rawValue: reference.tensors[0].dtype))
        #expect(Set(contents.storedTypes.values) == [storedType])
        try expectValues(contents.stateDict, reference)
    }

    @Test func everyFixtureIsCoveredByATest() throws {
        let reference = try ModelFilesReference.load()
        #expect(Set(reference.files.map(\.file)) == Set(Self.checkpoints + Self.safetensorsFiles))
        #expect(reference.torch1Version?.hasPrefix("1.13") == true, "torch 1.13 fixtures were not generated")
    }

    @Test func notebookWeightPrintsAsPyTorchPrintsIt() throws {
        let printed = try ModelFilesReference.load().printed
        let stateDict = try StateDict(contentsOf: ModelFilesReference.url(printed.file))
        let weight = try #require(stateDict[printed.key])
        #expect(weight.description == printed.text)
    }

    @Test func torch1AndTorch2CheckpointsOfOneModelAgree() throws {
        let old = try StateDict(contentsOf: ModelFilesReference.url("notebook-torch1.pth"))
        let new = try StateDict(contentsOf: ModelFilesReference.url("notebook-torch2.pth"))
        let safetensors = try StateDict(contentsOf: ModelFilesReference.url("notebook.safetensors"))
        #expect(old == new)
        #expect(old.keys == ["0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"])
        for key in old.keys { #expect(safetensors[key]?.bits == old[key]?.bits) }
    }

    @Test func viewsAreMaterialisedRowMajor() throws {
        let views = try StateDict(contentsOf: ModelFilesReference.url("views-torch2.pth"))
        let base = try #require(views["base"])
        let value = { (row: Int, column: Int) in base.storage[row * 6 + column] }
        #expect(views["columns"]?.storage == (0..<4).flatMap { row in [1, 3, 5].map { value(row, $0) } })
        #expect(views["transposed"]?.storage == (0..<6).flatMap { column in (0..<4).map { value($0, column) } })
        #expect(views["element"]?.shape == [])
        #expect(views["element"]?.storage == [value(2, 3)])
        #expect(views["empty"]?.shape == [0, 6])
        #expect(views["expanded"]?.storage == [1.5, -2.25, 3.0, 1.5, -2.25, 3.0])
    }

    /// Shapes, SHA-256 of the float32 bytes and first bit patterns against the reference.
    private func expectValues(_ stateDict: StateDict, _ reference: ModelFilesReference.File) throws {
        #expect(stateDict.count == reference.tensors.count)
        for expected in reference.tensors {
            let tensor = try #require(stateDict[expected.key], "\(reference.file) lacks '\(expected.key)'")
            #expect(tensor.shape == expected.shape, "\(reference.file) '\(expected.key)'")
            #expect(tensor.float32SHA256 == expected.sha256, "\(reference.file) '\(expected.key)'")
            #expect(Array(tensor.bits.prefix(4)) == expected.firstBits, "\(reference.file) '\(expected.key)'")
        }
    }
}
