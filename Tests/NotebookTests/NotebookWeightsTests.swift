import Foundation
import NN
import Notebook
import TestSupport
import Testing

/// Strict loading of state dicts into the lesson's models, and its errors against PyTorch's own text.
@Suite("Loading weights into the notebook's models, strictly")
struct NotebookWeightsTests {
    /// `load_errors` of `Tests/Fixtures/model-files/expected.json`: what PyTorch 2.x raised for each bad state dict.
    struct TorchLoadError: Decodable {
        let `case`: String
        let model: String
        let stateDict: [KeyAndShape]
        let message: String

        /// `["0.weight", [16, 20]]`.
        struct KeyAndShape: Decodable {
            let key: String
            let shape: [Int]

            init(from decoder: Decoder) throws {
                var container = try decoder.unkeyedContainer()
                key = try container.decode(String.self)
                shape = try container.decode([Int].self)
            }
        }
    }

    /// The recorded errors.
    static func torchLoadErrors() throws -> [TorchLoadError] {
        struct Document: Decodable { let loadErrors: [TorchLoadError] }
        let url = RepositoryPaths.tests("Fixtures/model-files").appendingPathComponent("expected.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Document.self, from: Data(contentsOf: url)).loadErrors
    }

    /// Tensors of `shape` counting up from `start`, so every layer's values differ.
    static func tensor(_ shape: [Int], start: Float) -> Tensor {
        let count = shape.reduce(1, *)
        return Tensor(shape: shape, storage: (0..<count).map { start + Float($0) * 1e-6 })
    }

    /// The lesson's six tensors under `scheme`'s keys.
    static func entries(_ scheme: NotebookWeights.Scheme) -> [(key: String, tensor: Tensor)] {
        let shapes = [[128, 784], [128], [64, 128], [64], [10, 64], [10]]
        return zip(scheme.keys, shapes.enumerated()).map { ($0, tensor($1.element, start: Float($1.offset))) }
    }

    @Test func errorsReadWordForWordAsPyTorchRaisesThem() throws {
        let cases = try Self.torchLoadErrors()
        #expect(cases.count == 4)
        for recorded in cases {
            let model: Module = recorded.model == "ReluNet" ? ReluNet(generator: TorchGenerator(seed: 0))
                : Sequential.notebookIndexed(generator: TorchGenerator(seed: 0))
            let before = model.stateDict().map(\.tensor)
            let entries = recorded.stateDict.map { ($0.key, Tensor.zeros($0.shape)) }
            do {
                try model.loadStateDict(entries)
                Issue.record("\(recorded.case): loaded")
            } catch {
                #expect(error.pytorchMessage == recorded.message, "\(recorded.case)")
            }
            #expect(model.stateDict().map(\.tensor) == before, "a refused load changes nothing: \(recorded.case)")
        }
    }

    @Test func oneLineErrorNamesEveryKeyAsPyTorchDoes() {
        var entries = Self.entries(.indexed).filter { $0.key != "0.bias" }
        entries.append(("fc1.weight", Tensor.zeros([2])))
        entries[0].tensor = Tensor.zeros([64, 784])
        #expect(throws: StateDictLoadError.self) { try NotebookWeights(stateDict: entries, source: "x.pth") }
        do {
            _ = try NotebookWeights(stateDict: entries, source: "x.pth")
        } catch {
            #expect(error.description == #"Error(s) in loading state_dict for Sequential: Missing key(s) in state_dict: "0.bias". Unexpected key(s) in state_dict: "fc1.weight". size mismatch for 0.weight: copying a param with shape torch.Size([64, 784]) from checkpoint, the shape in current model is torch.Size([128, 784])."#)
        }
    }

    @Test func aKeyWithALineBreakCannotForgeASecondLine() {
        var entries = Self.entries(.reluNet)
        entries.append(("evil\nnnreport: ok", Tensor.zeros([1])))
        do {
            _ = try NotebookWeights(stateDict: entries, source: "x.pth")
            Issue.record("loaded")
        } catch {
            #expect(error.description == #"Error(s) in loading state_dict for ReluNet: Unexpected key(s) in state_dict: "evil\nnnreport: ok"."#)
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func eachNamingSchemeIsRecognisedAndLoadsIntoEveryModel() throws {
        let reference = try NotebookWeights(stateDict: Self.entries(.indexed), source: "a.pth")
        for scheme in NotebookWeights.Scheme.allCases {
            let weights = try NotebookWeights(stateDict: Self.entries(scheme).reversed(), source: "a.pth")
            #expect(weights.scheme == scheme)
            #expect(weights.tensors == reference.tensors)
            #expect(weights.stateDict().map(\.key) == ["0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"])
        }
        let generator = TorchGenerator(seed: 3)
        let reluNet = ReluNet(generator: generator)
        let models: [Module] = [Sequential.notebookIndexed(generator: generator), Sequential.notebookNamed(generator: generator), reluNet]
        for model in models {
            reference.load(into: model)
            #expect(model.stateDict().map(\.tensor) == reference.tensors, "\(model.typeName)")
        }
        #expect(reluNet.hiddenOneToHiddenTwo.weight.data == Self.tensor([64, 128], start: 2))
    }

    @Test func anEmptyOrForeignStateDictIsTheIndexedSequentialsError() {
        do {
            _ = try NotebookWeights(stateDict: [("weight", Tensor.zeros([2]))], source: "x.pth")
            Issue.record("loaded")
        } catch {
            #expect(error.moduleName == "Sequential")
            #expect(error.missingKeys == ["0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"])
            #expect(error.unexpectedKeys == ["weight"])
        }
    }

    @Test func aPartlyNamedStateDictIsJudgedAgainstTheSchemeItSharesMostKeysWith() {
        var entries = Self.entries(.named)
        entries.removeLast()
        entries.append(("0.weight", Tensor.zeros([128, 784])))
        do {
            _ = try NotebookWeights(stateDict: entries, source: "x.pth")
            Issue.record("loaded")
        } catch {
            #expect(error.description == #"Error(s) in loading state_dict for Sequential: Missing key(s) in state_dict: "output.bias". Unexpected key(s) in state_dict: "0.weight"."#)
        }
    }
}
