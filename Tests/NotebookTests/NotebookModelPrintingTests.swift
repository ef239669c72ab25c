import NN
import Notebook
import TestSupport
import Testing

@Suite("The notebook's models print exactly as real PyTorch printed them (recorded fixture)")
struct NotebookModelPrintingTests {
    @Test func notebookModulesPrintExactlyAsPyTorchPrintsThem() throws {
        let recorded = try RecordedModulePrintouts.load()
        let generator = TorchGenerator(seed: 0)
        let indexed = Sequential.notebookIndexed(generator: generator)
        let named = Sequential.notebookNamed(generator: generator)
        let ours: [String: String] = [
            "Network": Network(generator: generator).description,
            "ReluNet": ReluNet(generator: generator).description,
            "SequentialIndexed": indexed.description,
            "SequentialIndexed[0]": indexed[0].description,
            "SequentialNamed": named.description,
            "SequentialNamed[0]": named[0].description,
            "SequentialNamed.softmax": try #require(named.softmax).description,
            "SequentialNamed.relu_1": try #require(named.relu_1).description,
        ]
        #expect(Set(ours.keys) == Set(recorded.keys))
        for (label, expected) in recorded.sorted(by: { $0.key < $1.key }) {
            #expect(ours[label] == expected, "\(label) differs from PyTorch")
        }
    }
}
