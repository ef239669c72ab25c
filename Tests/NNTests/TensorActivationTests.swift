import Testing
import Foundation
@testable import NN

@Suite("exp, activations and softmax")
struct TensorActivationTests {
    @Test func expAndLog() {
        let values = Tensor([0, 1, -1, 2])
        #expect(isClose(values.exp().storage, [1, 2.7182817, 0.36787945, 7.389056]))
        #expect(isClose(Tensor([1, 2.7182817, 10]).log().storage, [0, 1, 2.3025851]))
    }

    @Test func sigmoidValuesAndExtremes() {
        let output = Tensor([0, 1, -1, 2, 100, -100]).sigmoid()
        #expect(isClose(output.storage, [0.5, 0.7310586, 0.26894143, 0.8807971, 1, 0]))
        #expect(output.storage.allSatisfy { $0.isFinite })
    }

    @Test func tanhValues() {
        #expect(isClose(Tensor([0, 0.5, -2, 20]).tanh().storage, [0, 0.46211716, -0.9640276, 1]))
    }

    @Test func reluClampsNegatives() {
        #expect(Tensor([-2, -0.5, 0, 0.5, 2]).relu().storage == [0, 0, 0, 0.5, 2])
        var tensor = Tensor([-1, 3])
        tensor.relu_()
        #expect(tensor.storage == [0, 3])
    }

    @Test func inPlaceFormsMatchTheCopyingForms() {
        let values = Tensor([-3, -0.5, 0, 0.5, 3])
        var sigmoid = values, tanh = values
        sigmoid.sigmoid_()
        tanh.tanh_()
        #expect(sigmoid == values.sigmoid() && tanh == values.tanh())
        #expect(values.storage == [-3, -0.5, 0, 0.5, 3])  // The copies did not write through.
    }

    @Test func activationModulesNeverChangeTheCallersTensor() {
        // The modules work in place on a handed-over temporary, but a tensor still held keeps its values.
        let input = Tensor([-2, -1, 0, 1, 2])
        #expect(ReLU()(input) == Tensor([0, 0, 0, 1, 2]))
        #expect(Sigmoid()(input) == input.sigmoid())
        #expect(Tanh()(input) == input.tanh())
        #expect(Sequential(ReLU(), Sigmoid())(input) == input.relu().sigmoid())
        #expect(input == Tensor([-2, -1, 0, 1, 2]))
    }

    @Test func softmaxMatchesHandValues() {
        let output = Tensor([1, 2, 3], shape: [1, 3]).softmax(dim: 1)
        #expect(isClose(output.storage, [0.09003057, 0.24472847, 0.66524096]))
    }

    @Test func softmaxRowsSumToOne() {
        var generator = Generator(seed: 17)
        let scores = Tensor.randn([64, 10], generator: &generator) * 3
        let probabilities = scores.softmax(dim: 1)
        #expect(probabilities.shape == [64, 10])
        let sums = probabilities.sum(dim: 1)
        #expect(sums.storage.allSatisfy { abs($0 - 1) <= 1e-6 })
        #expect(probabilities.storage.allSatisfy { $0 > 0 && $0 < 1 })
    }

    @Test func softmaxIsStableForHugeInputs() {
        let extreme = Tensor(rows: [[1000, -1000, 0], [1000, 1000, 1000], [-1000, -1000, -999]])
        let output = extreme.softmax(dim: 1)
        #expect(output.storage.allSatisfy { !$0.isNaN })
        #expect(isClose(output.storage, [1, 0, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3, 0.21194156, 0.21194156, 0.57611688]))
    }

    @Test func softmaxOfLongRowsAgreesWithADoubleReference() {
        var generator = Generator(seed: 23)
        let scores = Tensor.randn([4, 19], generator: &generator) * 5
        var expected: [Float] = []
        for row in 0..<4 {
            let values = (0..<19).map { Double(scores[row, $0]) }
            let maximum = values.max()!
            let exponentials = values.map { Foundation.exp($0 - maximum) }
            let total = exponentials.reduce(0, +)
            expected += exponentials.map { Float($0 / total) }
        }
        #expect(scores.softmax(dim: 1).allclose(Tensor(expected, shape: [4, 19]), rtol: 1e-5, atol: 1e-7))
        // The same values along dim 0 of the transpose (the strided path).
        #expect(scores.t().softmax(dim: 0).t().allclose(Tensor(expected, shape: [4, 19]), rtol: 1e-5, atol: 1e-7))
    }

    @Test func softmaxRowWithNaNIsNaNLikePyTorch() {
        let output = Tensor(rows: [[1, .nan, 2], [1, 2, 3]]).softmax(dim: 1)
        #expect(output[0].storage.allSatisfy { $0.isNaN })
        #expect(!output[1].storage.contains { $0.isNaN })
    }

    @Test func softmaxOverTheFirstDimension() {
        let output = Tensor(rows: [[0, 1], [0, 3]]).softmax(dim: 0)
        #expect(isClose(output.storage, [0.5, 0.11920292, 0.5, 0.8807971]))
        #expect(isClose(output.sum(dim: 0).storage, [1, 1]))
    }
}

@Suite("Vectorised exp used by softmax")
struct VectorExpTests {
    @Test func agreesWithLibmAcrossTheSoftmaxRange() {
        // x − max ranges over (−87.3, 0]; compare against the Double exponential.
        let inputs = Tensor.linspace(-87.3, 0, steps: 8 * 4000).storage
        var worst: Double = 0
        for start in stride(from: 0, to: inputs.count, by: 8) {
            let lanes = SIMD8<Float>(inputs[start..<(start + 8)])
            let result = VectorExp.exp(lanes)
            for lane in 0..<8 {
                let exact = Foundation.exp(Double(lanes[lane]))
                worst = Swift.max(worst, abs(Double(result[lane]) - exact) / exact)
            }
        }
        #expect(worst < 3e-7)  // About 2.5 ulp of float32.
    }

    @Test func flushesBelowTheNormalRangeAndPropagatesNaN() {
        let result = VectorExp.exp(SIMD8<Float>(-100, -.infinity, -88, 0, 1, -1, .nan, -87))
        #expect(result[0] == 0 && result[1] == 0 && result[2] == 0)
        #expect(result[3] == 1)
        #expect(abs(result[4] - 2.7182817) < 1e-6 && abs(result[5] - 0.36787945) < 1e-7)
        #expect(result[6].isNaN)
        #expect(result[7] > 0)
    }
}
