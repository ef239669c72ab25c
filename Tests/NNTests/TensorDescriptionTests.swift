import Testing
@testable import NN

@Suite("Tensor and Parameter descriptions through TensorFormatter")
struct TensorDescriptionTests {
    @Test func onesAndZerosPrintLikePyTorch() {
        #expect(Tensor.ones([3]).description == "tensor([1., 1., 1.])")
        #expect(Tensor.zeros([2, 2]).description == "tensor([[0., 0.],\n        [0., 0.]])")
        #expect("\(Tensor(scalar: 0.5))" == "tensor(0.5000)")
    }

    @Test func sizesIntegersAndGradFunctions() {
        #expect(Tensor.zeros([64, 1, 28, 28]).sizeDescription == "torch.Size([64, 1, 28, 28])")
        #expect(Tensor(scalar: 6).integerDescription == "tensor(6)")
        #expect(Tensor(rows: [[1, 3, 3], [5, 5, 0]]).argmax(dim: 1).integerDescription == "tensor([1, 0])")
        #expect(Tensor([0.1173]).description(gradFunction: "SelectBackward0") == "tensor([0.1173], grad_fn=<SelectBackward0>)")
    }

    @Test func parametersPrintTheirHeaderAndRequiresGrad() {
        var generator = Generator(seed: 0)
        let layer = Linear(2, 1, generator: &generator)
        layer.weight.data = Tensor(rows: [[0.5, -0.25]])
        layer.bias!.fill_(0)
        #expect(layer.weight.description == "Parameter containing:\ntensor([[ 0.5000, -0.2500]], requires_grad=True)")
        #expect(layer.bias!.description == "Parameter containing:\ntensor([0.], requires_grad=True)")
    }
}
