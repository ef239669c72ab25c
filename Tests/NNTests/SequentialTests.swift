import Testing
@testable import NN

@Suite("Sequential: indexed and named")
struct SequentialTests {
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
}
