import NN
import Notebook
import Testing

@Suite("The notebook's models: children, parameters, forward passes")
struct NotebookModelTests {
    @Test func parametersAndStateDictNamesOfNetwork() {
        let generator = TorchGenerator(seed: 0)
        let model = Network(generator: generator)
        #expect(model.namedParameters().map(\.name) == ["hidden.weight", "hidden.bias", "output.weight", "output.bias"])
        #expect(model.parameters().count == 4)
        let elementCount: Int = model.parameters().reduce(0) { $0 + $1.count }
        #expect(elementCount == 203_530)  // 784·256 + 256 + 256·10 + 10
        #expect(model.parameters()[0] === model.hidden.weight)
        #expect(model.children.map(\.name) == ["hidden", "output", "sigmoid", "softmax"])
    }

    @Test func parameterNamesOfSequentials() {
        let generator = TorchGenerator(seed: 0)
        let indexed = Sequential.notebookIndexed(generator: generator)
        #expect(indexed.namedParameters().map(\.name) == ["0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"])
        let named = Sequential.notebookNamed(generator: generator)
        #expect(named.namedParameters().map(\.name) == [
            "input_to_hidden.weight", "input_to_hidden.bias", "hidden_to_hidden.weight",
            "hidden_to_hidden.bias", "output.weight", "output.bias",
        ])
        let nested = Sequential([named, Sigmoid()])
        #expect(nested.namedParameters().first?.name == "0.input_to_hidden.weight")
        #expect(nested.parameters().count == 6)
    }

    @Test func reluNetForwardGivesProbabilities() {
        let generator = TorchGenerator(seed: 1)
        let model = ReluNet(generator: generator)
        #expect(model.namedParameters().map(\.name).first == "input_to_hidden_one.weight")
        let images = Tensor.uniform([64, 784], low: -1, high: 1, generator: generator)
        let probabilities = model(images)
        #expect(probabilities.shape == [64, 10])
        #expect(probabilities.sum(dim: 1).storage.allSatisfy { abs($0 - 1) <= 1e-6 })
    }

    @Test func reluNetForwardMatchesTheOperationsByHand() {
        let generator = TorchGenerator(seed: 2)
        let model = ReluNet(generator: generator)
        let images = Tensor.uniform([5, 784], low: -1, high: 1, generator: generator)
        func affine(_ x: Tensor, _ layer: Linear) -> Tensor { x.matmul(layer.weight.data.t()) + layer.bias!.data }
        let expected = affine(affine(affine(images, model.inputToHiddenOne).relu(), model.hiddenOneToHiddenTwo).relu(),
                              model.hiddenTwoToOutput).softmax(dim: 1)
        #expect(model(images).allclose(expected, rtol: 1e-5, atol: 1e-7))
    }

    @Test func networkClassAndFunctionalFormsAgree() {
        let generator = TorchGenerator(seed: 3)
        let model = Network(generator: generator)
        let images = Tensor.uniform([64, 784], low: -1, high: 1, generator: generator)
        let output = model(images)
        #expect(output.shape == [64, 10])
        #expect(output == model.forwardFunctional(images))
        let byHand = (images.matmul(model.hidden.weight.data.t()) + model.hidden.bias!.data).sigmoid()
            .matmul(model.output.weight.data.t()) + model.output.bias!.data
        #expect(output.allclose(byHand.softmax(dim: 1), rtol: 1e-5, atol: 1e-7))
    }

    @Test func notebookSingleImageForward() {
        // images.resize_(64, 1, 784); image = images[0, :] has shape (1, 784).
        let generator = TorchGenerator(seed: 4)
        let model = ReluNet(generator: generator)
        model.inputToHiddenOne.bias!.fill_(0)
        model.inputToHiddenOne.weight.normal_(std: 0.01, generator: generator)
        let images = Tensor.uniform([64, 1, 784], low: -1, high: 1, generator: generator)
        let probabilities = model.forward(images[0])
        #expect(probabilities.shape == [1, 10])
        let highest = probabilities.argmax()
        let column = probabilities.select(dim: 1, index: highest)
        #expect(column.shape == [1])
        #expect(column.item() == probabilities.max())
    }

    @Test func sameSeedSameModelDifferentSeedDifferentModel() {
        let first = TorchGenerator(seed: 10), second = TorchGenerator(seed: 10), third = TorchGenerator(seed: 11)
        let a = ReluNet(generator: first), b = ReluNet(generator: second), c = ReluNet(generator: third)
        #expect(zip(a.parameters(), b.parameters()).allSatisfy { $0.data == $1.data })
        #expect(zip(a.parameters(), c.parameters()).allSatisfy { $0.data != $1.data })
    }

    @Test func wrongInputWidthFailsNamingBothShapes() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let generator = TorchGenerator(seed: 0)
            _ = Network(generator: generator)(Tensor.zeros([64, 28, 28]))
        }
        let message = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(message.contains("input of shape [64, 28, 28] does not match weight of shape [256, 784]"))
    }

}
