import Foundation
import NN
import Notebook
import TestSupport
import Testing

@Suite("The notebook's models print as PyTorch 2.x prints them")
struct NotebookModelPrintingTests {
    @Test func network() {
        var generator = Generator(seed: 0)
        #expect(Network(generator: &generator).description == """
            Network(
              (hidden): Linear(in_features=784, out_features=256, bias=True)
              (output): Linear(in_features=256, out_features=10, bias=True)
              (sigmoid): Sigmoid()
              (softmax): Softmax(dim=1)
            )
            """)
    }

    @Test func reluNet() {
        var generator = Generator(seed: 0)
        #expect(ReluNet(generator: &generator).description == """
            ReluNet(
              (input_to_hidden_one): Linear(in_features=784, out_features=128, bias=True)
              (hidden_one_to_hidden_two): Linear(in_features=128, out_features=64, bias=True)
              (hidden_two_to_output): Linear(in_features=64, out_features=10, bias=True)
              (relu): ReLU()
              (softmax): Softmax(dim=1)
            )
            """)
    }

    @Test func indexedSequential() {
        var generator = Generator(seed: 0)
        #expect(Sequential.notebookIndexed(generator: &generator).description == """
            Sequential(
              (0): Linear(in_features=784, out_features=128, bias=True)
              (1): ReLU()
              (2): Linear(in_features=128, out_features=64, bias=True)
              (3): ReLU()
              (4): Linear(in_features=64, out_features=10, bias=True)
              (5): Softmax(dim=1)
            )
            """)
    }

    @Test func namedSequential() {
        var generator = Generator(seed: 0)
        let model = Sequential.notebookNamed(generator: &generator)
        #expect(model.description == """
            Sequential(
              (input_to_hidden): Linear(in_features=784, out_features=128, bias=True)
              (relu_1): ReLU()
              (hidden_to_hidden): Linear(in_features=128, out_features=64, bias=True)
              (relu_2): ReLU()
              (output): Linear(in_features=64, out_features=10, bias=True)
              (softmax): Softmax(dim=1)
            )
            """)
        #expect(model[0].description == "Linear(in_features=784, out_features=128, bias=True)")
    }

    @Test func notebookModulesPrintExactlyAsPyTorchPrintsThem() throws {
        let reference = try JSONDecoder().decode(RecordedModules.self, from: Data(contentsOf: RepositoryPaths.torchPrintReference))
        var generator = Generator(seed: 0)
        let indexed = Sequential.notebookIndexed(generator: &generator)
        let named = Sequential.notebookNamed(generator: &generator)
        let ours: [String: String] = [
            "Network": Network(generator: &generator).description,
            "ReluNet": ReluNet(generator: &generator).description,
            "SequentialIndexed": indexed.description,
            "SequentialIndexed[0]": indexed[0].description,
            "SequentialNamed": named.description,
            "SequentialNamed[0]": named[0].description,
            "SequentialNamed.softmax": try #require(named.softmax).description,
            "SequentialNamed.relu_1": try #require(named.relu_1).description,
        ]
        #expect(Set(ours.keys) == Set(reference.modules.keys))
        for (label, expected) in reference.modules.sorted(by: { $0.key < $1.key }) {
            #expect(ours[label] == expected, "\(label) differs from PyTorch")
        }
    }
}

/// The modules part of `Tests/Fixtures/torch-print-reference.json`: `str(model)` recorded from real PyTorch.
private struct RecordedModules: Decodable {
    /// `str(model)` keyed by a label such as `Network`.
    let modules: [String: String]
}
