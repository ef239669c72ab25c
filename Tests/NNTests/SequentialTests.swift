import Testing
@testable import NN

@Suite("Sequential: indexed and named")
struct SequentialTests {
    @Test func indexAndNameReturnTheSameObject() throws {
        var generator = Generator(seed: 0)
        let model = Sequential.notebookNamed(generator: &generator)
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
        var generator = Generator(seed: 0)
        let model = Sequential.notebookIndexed(generator: &generator)
        #expect(model.children.map(\.name) == ["0", "1", "2", "3", "4", "5"])
        #expect(model["2"] === model[2])
        #expect(model[1] is ReLU && model[5] is Softmax)
    }

    @Test func forwardAppliesModulesInOrder() throws {
        var generator = Generator(seed: 0)
        let layer = Linear(2, 2, generator: &generator)
        layer.weight.data = Tensor(rows: [[1, 0], [0, -1]])
        layer.bias!.data = Tensor([0, 0])
        let model = try Sequential(named: [("flip", layer), ("relu", ReLU())])
        #expect(model(Tensor(rows: [[3, 4], [-1, -2]])) == Tensor(rows: [[3, 0], [0, 2]]))
    }

    @Test func duplicateNameIsRejectedWithItsPosition() {
        #expect(throws: SequentialError.duplicateName("relu", position: 2)) {
            try Sequential(named: [("relu", ReLU()), ("tanh", Tanh()), ("relu", ReLU())])
        }
        let error = SequentialError.duplicateName("relu", position: 2)
        #expect(error.description == "Sequential: duplicate module name \"relu\" at position 2")
        #expect(error.localizedDescription == error.description)
    }

    @Test func invalidNamesAreRejected() {
        #expect(throws: SequentialError.invalidName("", position: 0)) {
            try Sequential(named: [("", ReLU())])
        }
        #expect(throws: SequentialError.invalidName("a.b", position: 1)) {
            try Sequential(named: [("a", ReLU()), ("a.b", ReLU())])
        }
    }

    @Test func sameSeedSameWeights() throws {
        var first = Generator(seed: 99), second = Generator(seed: 99)
        let a = Sequential.notebookIndexed(generator: &first)
        let b = Sequential.notebookNamed(generator: &second)
        // Both builders create their layers in the same order, so the weights coincide.
        #expect(zip(a.parameters(), b.parameters()).allSatisfy { $0.data == $1.data })
    }
}
