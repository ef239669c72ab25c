import Foundation
import Testing
@testable import NN

@Suite("Autograd: leaves, accumulation, no-grad scopes and printing")
struct AutogradTests {
    let reference: TorchTrainingReference

    init() throws {
        reference = try TorchTrainingReference.load()
    }

    // MARK: - The lesson's example

    @Test func squareThenMeanGivesHalfOfXAsPyTorchDoes() throws {
        let recorded = reference.autograd
        let x = recorded.x.tensor.requiringGrad()
        let y = x.pow(2)
        let z = y.meanAll()
        #expect(y.gradFunctionName == recorded.yGradFn)
        #expect(z.gradFunctionName == recorded.zGradFn)
        #expect(x.grad == nil)
        z.backward()
        let grad = try #require(x.grad)
        #expect(grad == recorded.xGrad.tensor)
        #expect(grad == x.detached() / 2)
        #expect(x.description == recorded.printedX)
        #expect(y.description == recorded.printedY)
        #expect(z.description == recorded.printedZ)
        #expect(grad.description == recorded.printedXGrad)
    }

    @Test func leavesAndResults() {
        let plain = Tensor([1, 2])
        #expect(!plain.requiresGrad && plain.isLeaf && plain.gradFunctionName == nil)
        let leaf = plain.requiringGrad()
        #expect(leaf.requiresGrad && leaf.isLeaf && leaf.gradFunctionName == nil)
        let result = leaf * 2
        #expect(result.requiresGrad && !result.isLeaf && result.grad == nil)
        // Operations on tensors that do not require grad record nothing.
        #expect(!(plain * 2).requiresGrad)
        #expect(!result.detached().requiresGrad)
        var unmarked = leaf
        unmarked.requiresGrad = false
        #expect(!unmarked.requiresGrad)
    }

    // MARK: - Accumulation

    @Test func gradientsAccumulateUntilZeroed() throws {
        let x = Tensor([1, 2, 3]).requiringGrad()
        (x * x).sumAll().backward()
        #expect(x.grad == Tensor([2, 4, 6]))
        (x * 3).sumAll().backward()
        #expect(x.grad == Tensor([5, 7, 9]))
        x.grad = nil
        (x * 3).sumAll().backward()
        #expect(x.grad == Tensor([3, 3, 3]))
    }

    @Test func parameterGradientsAccumulateAndZeroGradForgetsThem() throws {
        var generator = Generator(seed: 3)
        let layer = Linear(3, 2, generator: &generator)
        let input = Tensor(rows: [[1, 2, 3], [-1, 0, 2]])
        #expect(layer.weight.requiresGrad && layer.weight.grad == nil)
        layer(input).sumAll().backward()
        let once = try #require(layer.weight.grad)
        // d Σ (xWᵀ + b) / dW[i, j] = Σ over the batch of x[·, j].
        #expect(once == Tensor(rows: [[0, 2, 5], [0, 2, 5]]))
        #expect(layer.bias?.grad == Tensor([2, 2]))
        layer(input).sumAll().backward()
        #expect(layer.weight.grad == once * 2)
        layer.zeroGrad()
        #expect(layer.weight.grad == nil && layer.bias?.grad == nil)
    }

    @Test func aTensorUsedTwiceGetsBothContributions() {
        let x = Tensor([2]).requiringGrad()
        let y = x * x + x.exp() * x   // dy/dx = 2x + eˣ(1 + x)
        y.sumAll().backward()
        let expected = 2 * 2 + Float(Foundation.exp(2.0)) * 3
        #expect(abs((x.grad?.item() ?? 0) - expected) <= 1e-5)
    }

    @Test func retainGraphAllowsASecondPass() {
        let x = Tensor([1, 2]).requiringGrad()
        let loss = x.pow(2).sumAll()
        loss.backward(retainGraph: true)
        loss.backward()
        #expect(x.grad == Tensor([4, 8]))
    }

    @Test func aSecondPassWithoutRetainingTheGraphIsRefused() async {
        await #expect(processExitsWith: .failure) {
            let x = Tensor([1, 2]).requiringGrad()
            let loss = (x * x).sumAll()
            loss.backward()
            loss.backward()
        }
    }

    @Test func backwardOnANonScalarNeedsAGradient() async {
        let x = Tensor([1, 2]).requiringGrad()
        (x * 3).backward(gradient: Tensor([1, 10]))
        #expect(x.grad == Tensor([3, 30]))
        await #expect(processExitsWith: .failure) {
            (Tensor([1, 2]).requiringGrad() * 3).backward()
        }
    }

    @Test func inPlaceChangesOfALeafThatRequiresGradAreRefused() async {
        await #expect(processExitsWith: .failure) {
            var x = Tensor([1, 2]).requiringGrad()
            x += Tensor([1, 1])
        }
        await #expect(processExitsWith: .failure) {
            var x = Tensor([1, 2]).requiringGrad()
            x.fill_(0)
        }
        // Inside a no-grad scope they are how parameters are updated.
        var x = Tensor([1, 2]).requiringGrad()
        withNoGrad { x.fill_(0) }
        #expect(x.storage == [0, 0] && x.requiresGrad)
    }

    // MARK: - No-grad scopes

    @Test func noGradScopesBuildNoGraph() {
        var generator = Generator(seed: 1)
        let model = Sequential(Linear(4, 3, generator: &generator), ReLU(), Linear(3, 2, generator: &generator))
        let input = Tensor.uniform([5, 4], low: -1, high: 1, generator: &generator)
        #expect(GradMode.isEnabled)
        let quiet = withNoGrad { model(input) }
        #expect(!quiet.requiresGrad && quiet.gradFunctionName == nil)
        #expect(withNoGrad { GradMode.isEnabled } == false)
        #expect(withNoGrad { GradMode.withGrad { model(input).gradFunctionName } } == "AddmmBackward0")
        #expect(GradMode.isEnabled)
        let recorded = model(input)
        #expect(recorded.gradFunctionName == "AddmmBackward0")
        #expect(recorded == quiet)
    }

    @Test func frozenParametersGetNoGradient() {
        var generator = Generator(seed: 2)
        let layer = Linear(3, 2, generator: &generator)
        layer.weight.requiresGrad = false
        layer(Tensor([1, 2, 3], shape: [1, 3])).sumAll().backward()
        #expect(layer.weight.grad == nil)
        #expect(layer.bias?.grad == Tensor([1, 1]))
        #expect(!layer(Tensor([1, 2, 3], shape: [1, 3])).isLeaf)
    }

    // MARK: - Names and printing

    @Test func everyGradFunctionIsNamedAsInPyTorch() {
        let x = Tensor(rows: [[1, 2], [3, 4]]).requiringGrad()
        let w = Tensor(rows: [[1, 2], [3, 4], [5, 6]]).requiringGrad()
        let b = Tensor([1, 2, 3]).requiringGrad()
        let v = Tensor([1, 2]).requiringGrad()
        var inPlace = x * 1
        inPlace += x
        var relu = x * 1, sigmoid = x * 1, tanh = x * 1
        relu.relu_()
        sigmoid.sigmoid_()
        tanh.tanh_()
        let ours: [String: Tensor] = [
            "linear": Tensor.linear(x, weight: w, bias: b), "linear-no-bias": Tensor.linear(x, weight: w, bias: nil),
            "linear-3d": Tensor.linear(x.view(1, 2, 2), weight: w, bias: b),
            "linear-3d-no-bias": Tensor.linear(x.view(1, 2, 2), weight: w, bias: nil),
            "linear-1d": Tensor.linear(v, weight: w, bias: b), "linear-1d-no-bias": Tensor.linear(v, weight: w, bias: nil),
            "mm": x.matmul(x), "mm-transposed": x.matmul(x, transposingSelf: true), "vm": v.matmul(x), "mv": x.matmul(v),
            "dot": v.matmul(v), "add": x + x, "add-scalar": x + 1, "scalar-add": 1 + x, "sub": x - x, "sub-scalar": x - 1,
            "scalar-sub": 1 - x, "mul": x * x, "mul-scalar": x * 2, "scalar-mul": 2 * x, "div": x / x, "div-scalar": x / 2,
            "scalar-div": 2 / x, "neg": -x, "pow": x.pow(2), "mean": x.meanAll(), "mean-dim": x.mean(dim: 1),
            "sum": x.sumAll(), "sum-dim": x.sum(dim: 1), "max-dim": x.max(dim: 1).values, "relu": x.relu(),
            "sigmoid": x.sigmoid(), "tanh": x.tanh(), "exp": x.exp(), "log": x.log(), "relu_": relu, "sigmoid_": sigmoid,
            "tanh_": tanh, "softmax": x.softmax(dim: 1), "log-softmax": x.logSoftmax(dim: 1),
            "nll-loss": x.logSoftmax(dim: 1).nllLoss(targets: [0, 1]), "cross-entropy": CrossEntropyLoss()(x, [0, 1]),
            "view": x.view(4), "reshape": x.reshape(4), "flatten": x.flatten(), "squeeze": x.view(1, 4).squeeze(),
            "squeeze-dim": x.view(1, 4).squeeze(dim: 0), "unsqueeze": x.unsqueeze(dim: 0), "select": x.select(dim: 1, index: 1),
            "index": x[0], "t": x.t(), "narrow": x.narrow(dim: 0, start: 0, length: 1),
            "index-select": x.indexSelect(dim: 0, indices: [1, 0]), "add-assign": inPlace,
        ]
        #expect(Set(ours.keys) == Set(reference.gradFnNames.keys))
        for (operation, expected) in reference.gradFnNames.sorted(by: { $0.key < $1.key }) {
            #expect(ours[operation]?.gradFunctionName == expected, "\(operation)")
        }
    }

    @Test func modelOutputsAndGradientsPrintAsInPyTorch() throws {
        let recorded = reference.printed
        var generator = Generator(seed: 0)
        let model = Sequential(Linear(4, 3, generator: &generator), Softmax(dim: 1))
        let layer = try #require(model[0] as? Linear)
        layer.weight.data = recorded.weights[0].tensor
        layer.bias?.data = recorded.weights[1].tensor
        let probabilities = model(recorded.inputs.tensor)
        let highest = probabilities.argmax()
        #expect(highest == recorded.highest)
        #expect(probabilities.description == recorded.probabilities)
        let column = probabilities.select(dim: 1, index: highest)
        #expect(column.description == recorded.column)
        // The report's fixed-name printout and the recorded one agree.
        #expect(column.description(gradFunction: "SelectBackward0") == column.description)
        NLLLoss()(probabilities.log(), [0]).backward()
        #expect(layer.weight.grad?.description == recorded.weightGrad)
        #expect(layer.bias?.grad?.description == recorded.biasGrad)
        #expect(layer.weight.description == recorded.weight)
        #expect(Parameter(Tensor([1, 2]), requiresGrad: false).description == recorded.frozen)
    }
}
