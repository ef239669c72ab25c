import NN
import Notebook
import Testing

@Suite("The notebook's Sequentials: indexed and named")
struct NotebookSequentialTests {
    @Test func indexAndNameReturnTheSameObject() throws {
        let generator = TorchGenerator(seed: 0)
        let model = Sequential.notebookNamed(generator: generator)
        #expect(model[0] === model["input_to_hidden"])
        #expect(model[4] === model["output"])
        #expect(model[-1] === model["softmax"])
        #expect(model["missing"] == nil)
        #expect(model[0] === model.input_to_hidden)  // The notebook's `model[0] is model.input_to_hidden`.
        #expect(model.count == 6)
        let first = try #require(model[0] as? Linear)
        #expect(first.weight.shape == [128, 784])
    }

    @Test func indexedChildrenAreNamedByPosition() {
        let generator = TorchGenerator(seed: 0)
        let model = Sequential.notebookIndexed(generator: generator)
        #expect(model.children.map(\.name) == ["0", "1", "2", "3", "4", "5"])
        #expect(model["2"] === model[2])
        #expect(model[1] is ReLU && model[5] is Softmax)
    }

    @Test func sameSeedSameWeights() throws {
        let first = TorchGenerator(seed: 99), second = TorchGenerator(seed: 99)
        let a = Sequential.notebookIndexed(generator: first)
        let b = Sequential.notebookNamed(generator: second)
        // Both builders create their layers in the same order, so the weights coincide.
        #expect(zip(a.parameters(), b.parameters()).allSatisfy { $0.data == $1.data })
    }
}
