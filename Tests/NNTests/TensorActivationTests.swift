import Testing
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

    @Test func softmaxOverTheFirstDimension() {
        let output = Tensor(rows: [[0, 1], [0, 3]]).softmax(dim: 0)
        #expect(isClose(output.storage, [0.5, 0.11920292, 0.5, 0.8807971]))
        #expect(isClose(output.sum(dim: 0).storage, [1, 1]))
    }
}
