import Testing
@testable import NN

/// Every differentiable operation's gradient against central finite differences.
@Suite("Autograd: gradients against central differences")
struct AutogradGradientTests {
    static let elementwise: [GradientCase] = [
        GradientCase("a + b, same shape", [sample([2, 3]), sample([2, 3], seed: 2)]) { $0[0] + $0[1] },
        GradientCase("a + b, (2, 3) + (3)", [sample([2, 3]), sample([3], seed: 2)]) { $0[0] + $0[1] },
        GradientCase("a - b, (2, 1) - (1, 3)", [sample([2, 1]), sample([1, 3], seed: 2)]) { $0[0] - $0[1] },
        GradientCase("a * b, (4, 2, 3) * (2, 1)", [sample([4, 2, 3]), sample([2, 1], seed: 2)]) { $0[0] * $0[1] },
        GradientCase("a / b, (2, 3) / (2, 1)", [sample([2, 3]), sample([2, 1], low: 1, high: 2, seed: 2)]) { $0[0] / $0[1] },
        GradientCase("scalar forms", [sample([2, 3])]) { x in (x[0] + 1) * 2 - 0.5 + (3 - x[0]) / 4 + 1 / (x[0] * x[0] + 1) },
        GradientCase("negation", [sample([3])]) { -$0[0] },
        GradientCase("x ** 2", [sample([2, 2])]) { $0[0].pow(2) },
        GradientCase("x ** 3 and x ** 0", [sample([5])]) { $0[0].pow(3) + $0[0].pow(0) },
        GradientCase("x ** -1.5 on positives", [sample([4], low: 0.5, high: 2)]) { $0[0].pow(-1.5) },
        GradientCase("exp", [sample([2, 3])]) { $0[0].exp() },
        GradientCase("log", [sample([2, 3], low: 0.3, high: 3)]) { $0[0].log() },
        GradientCase("sigmoid", [sample([2, 3], low: -4, high: 4)]) { $0[0].sigmoid() },
        GradientCase("tanh", [sample([2, 3])]) { $0[0].tanh() },
        GradientCase("relu", [sample([3, 4])]) { $0[0].relu() },
        GradientCase("relu_ in place after an operation", [sample([3, 4])]) { x in
            var y = x[0] * 2
            y.relu_()
            return y
        },
        GradientCase("sigmoid_ and tanh_ in place", [sample([2, 3])]) { x in
            var y = x[0] + 0
            y.sigmoid_()
            var z = x[0] * 1
            z.tanh_()
            return y * z
        },
        GradientCase("a += b, a *= b, a -= b, a /= b", [sample([2, 3]), sample([3], low: 1, high: 2, seed: 2)]) { x in
            var y = x[0] * 1
            y += x[1]
            y *= x[1]
            y -= x[0]
            y /= x[1]
            return y
        },
    ]

    static let reductions: [GradientCase] = [
        GradientCase("sumAll", [sample([2, 3])]) { $0[0].sumAll() },
        GradientCase("meanAll", [sample([2, 3])]) { $0[0].meanAll() },
        GradientCase("sum(dim: 0)", [sample([3, 4])]) { $0[0].sum(dim: 0) },
        GradientCase("sum(dim: 1, keepdim)", [sample([2, 3, 4])]) { $0[0].sum(dim: 1, keepdim: true) },
        GradientCase("mean(dim: -1)", [sample([2, 3, 4])]) { $0[0].mean(dim: -1) },
        GradientCase("mean(dim: 0, keepdim)", [sample([3, 2])]) { $0[0].mean(dim: 0, keepdim: true) },
        GradientCase("max(dim: 1).values", [sample([3, 4])]) { $0[0].max(dim: 1).values },
        GradientCase("softmax(dim: 1)", [sample([3, 5])]) { $0[0].softmax(dim: 1) },
        GradientCase("softmax(dim: 0)", [sample([3, 5])]) { $0[0].softmax(dim: 0) },
        GradientCase("logSoftmax(dim: 1), 17 classes", [sample([2, 17])]) { $0[0].logSoftmax(dim: 1) },
        GradientCase("logSoftmax(dim: 0)", [sample([4, 3])]) { $0[0].logSoftmax(dim: 0) },
    ]

    static let shapes: [GradientCase] = [
        GradientCase("view and reshape", [sample([2, 6])]) { $0[0].view(3, 4).reshape([4, 3]) * sample([4, 3], seed: 5) },
        GradientCase("flatten, squeeze, unsqueeze", [sample([2, 1, 3])]) { x in
            x[0].flatten(startDim: 1).unsqueeze(dim: 0).squeeze(dim: 0).unsqueeze(dim: 2).squeeze() * sample([2, 3], seed: 5)
        },
        GradientCase("t()", [sample([2, 3])]) { $0[0].t() * sample([3, 2], seed: 5) },
        GradientCase("select(dim: 1)", [sample([3, 4])]) { $0[0].select(dim: 1, index: 2) },
        GradientCase("rows by index", [sample([3, 4])]) { $0[0][1] * $0[0][-1] },
        GradientCase("narrow", [sample([5, 2])]) { $0[0].narrow(dim: 0, start: 1, length: 3) },
        GradientCase("indexSelect with a repeated index", [sample([4, 3])]) { $0[0].indexSelect(dim: 0, indices: [2, 0, 2]) },
    ]

    static let products: [GradientCase] = [
        GradientCase("matmul (2, 3)·(3, 4)", [sample([2, 3]), sample([3, 4], seed: 2)]) { $0[0].matmul($0[1]) },
        GradientCase("matmul (3)·(3, 4)", [sample([3]), sample([3, 4], seed: 2)]) { $0[0].matmul($0[1]) },
        GradientCase("matmul (2, 3)·(3)", [sample([2, 3]), sample([3], seed: 2)]) { $0[0].matmul($0[1]) },
        GradientCase("matmul (3)·(3)", [sample([3]), sample([3], seed: 2)]) { $0[0].matmul($0[1]) },
        GradientCase("matmul aᵀ·b", [sample([3, 2]), sample([3, 4], seed: 2)]) { $0[0].matmul($0[1], transposingSelf: true) },
        GradientCase("matmul a·bᵀ", [sample([2, 3]), sample([4, 3], seed: 2)]) { $0[0].matmul($0[1], transposingOther: true) },
        GradientCase("matmul aᵀ·bᵀ", [sample([3, 2]), sample([4, 3], seed: 2)]) {
            $0[0].matmul($0[1], transposingSelf: true, transposingOther: true)
        },
        GradientCase("linear with bias, batch of 5", [sample([5, 3]), sample([4, 3], seed: 2), sample([4], seed: 3)]) {
            Tensor.linear($0[0], weight: $0[1], bias: $0[2])
        },
        GradientCase("linear without bias", [sample([5, 3]), sample([4, 3], seed: 2)]) {
            Tensor.linear($0[0], weight: $0[1], bias: nil)
        },
        GradientCase("linear on (2, 2, 3)", [sample([2, 2, 3]), sample([4, 3], seed: 2), sample([4], seed: 3)]) {
            Tensor.linear($0[0], weight: $0[1], bias: $0[2])
        },
        GradientCase("linear on (3)", [sample([3]), sample([4, 3], seed: 2)]) { Tensor.linear($0[0], weight: $0[1], bias: nil) },
    ]

    static let losses: [GradientCase] = [
        GradientCase("nllLoss", [sample([4, 3])]) { $0[0].nllLoss(targets: [2, 0, 1, 2]) },
        GradientCase("CrossEntropyLoss", [sample([4, 5], low: -3, high: 3)]) { CrossEntropyLoss()($0[0], [4, 0, 3, 3]) },
        GradientCase("a two-layer network's loss", [sample([6, 4]), sample([5, 4], seed: 2), sample([5], seed: 3),
                                                   sample([3, 5], seed: 4)]) { x in
            let hidden = Tensor.linear(x[0], weight: x[1], bias: x[2]).relu()
            return NLLLoss()(Tensor.linear(hidden, weight: x[3], bias: nil).logSoftmax(dim: 1), [0, 1, 2, 0, 1, 2])
        },
    ]

    @Test(arguments: elementwise) func elementwiseOperations(_ check: GradientCase) {
        #expect(check.mismatches() == [])
    }

    @Test(arguments: reductions) func reductionsAndSoftmax(_ check: GradientCase) {
        #expect(check.mismatches() == [])
    }

    @Test(arguments: shapes) func shapeOperationsAndIndexing(_ check: GradientCase) {
        #expect(check.mismatches() == [])
    }

    @Test(arguments: products) func matrixProductsAndLinear(_ check: GradientCase) {
        #expect(check.mismatches() == [])
    }

    @Test(arguments: losses) func lossFunctions(_ check: GradientCase) {
        #expect(check.mismatches() == [])
    }

    @Test func theCheckCatchesAWrongGradient() {
        // x ** 2 seen through a gradient-free copy has no gradient at all; the check must say so.
        let broken = GradientCase("detached", [sample([3])]) { $0[0].detached().pow(2) + $0[0] * 0 }
        #expect(!broken.mismatches().isEmpty)
    }
}
