import Testing
@testable import NN

@Suite("Matrix product and the affine map")
struct TensorMatMulTests {
    @Test func matrixTimesMatrix() {
        let left = Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        let right = Tensor(rows: [[7, 8], [9, 10], [11, 12]])
        #expect(left.matmul(right) == Tensor(rows: [[58, 64], [139, 154]]))
    }

    @Test func vectorOperands() {
        let matrix = Tensor(rows: [[1, 2], [3, 4]])
        #expect(matrix.matmul(Tensor([1, -1])) == Tensor([-1, -1]))
        #expect(Tensor([1, -1]).matmul(matrix) == Tensor([-2, -2]))
        let dot = Tensor([1, 2, 3]).matmul(Tensor([4, 5, 6]))
        #expect(dot.shape == [] && dot.item() == 32)
    }

    @Test func largeProductAgreesWithANaiveLoop() {
        var generator = Generator(seed: 21)
        let left = Tensor.randn([37, 53], generator: &generator)
        let right = Tensor.randn([53, 29], generator: &generator)
        var expected = [Float](repeating: 0, count: 37 * 29)
        for row in 0..<37 {
            for column in 0..<29 {
                var total: Double = 0
                for k in 0..<53 { total += Double(left[row, k]) * Double(right[k, column]) }
                expected[row * 29 + column] = Float(total)
            }
        }
        #expect(left.matmul(right).allclose(Tensor(expected, shape: [37, 29]), rtol: 1e-4, atol: 1e-4))
    }

    @Test func linearIsInputTimesWeightTransposedPlusBias() {
        let weight = Tensor(rows: [[1, 2], [3, 4], [5, 6]])  // (out 3, in 2)
        let bias = Tensor([0.5, -1, 2])
        let input = Tensor(rows: [[1, 1], [2, -1]])
        let output = Tensor.linear(input, weight: weight, bias: bias)
        #expect(output == Tensor(rows: [[3.5, 6, 13], [0.5, 1, 6]]))
        #expect(Tensor.linear(input, weight: weight, bias: nil) == Tensor(rows: [[3, 7, 11], [0, 2, 4]]))
        // Leading dimensions are kept: (2, 1, 2) → (2, 1, 3).
        #expect(Tensor.linear(input.view(2, 1, 2), weight: weight, bias: bias).shape == [2, 1, 3])
    }

    @Test func linearWithNoInputFeaturesGivesTheBias() {
        let output = Tensor.linear(Tensor.zeros([2, 0]), weight: Tensor.zeros([3, 0]), bias: Tensor([1, 2, 3]))
        #expect(output == Tensor(rows: [[1, 2, 3], [1, 2, 3]]))
        #expect(Tensor.zeros([2, 0]).matmul(Tensor.zeros([0, 3])) == Tensor.zeros([2, 3]))
    }

    @Test func allcloseUsesRelativeAndAbsoluteTolerance() {
        let reference = Tensor([1, 100, 0])
        #expect(reference.allclose(Tensor([1.000001, 100.0005, 0])))
        #expect(!reference.allclose(Tensor([1.0001, 100, 0])))
        #expect(reference.allclose(Tensor([1.0001, 100, 0]), rtol: 0, atol: 1e-3))
        #expect(!reference.allclose(Tensor([1, 100, Float.nan])))
        #expect(!reference.allclose(Tensor([1, 100, 0], shape: [3, 1])))
    }

    @Test func mismatchedProductFails() async {
        await #expect(processExitsWith: .failure) {
            _ = Tensor.ones([2, 3]).matmul(Tensor.ones([2, 3]))
        }
    }

    @Test func transposedOperandsAreReadInPlace() {
        let a = Tensor(rows: [[1, 2, 3], [4, 5, 6]])  // (2, 3)
        let b = Tensor(rows: [[1, 0], [0, 1], [2, -1]])  // (3, 2)
        #expect(a.matmul(a, transposingSelf: true) == a.t().matmul(a))  // (3, 3)
        #expect(a.matmul(a, transposingOther: true) == Tensor(rows: [[14, 32], [32, 77]]))
        #expect(b.matmul(a, transposingSelf: true, transposingOther: true) == b.t().matmul(a.t()))
        #expect(a.matmul(b) == a.matmul(b, transposingSelf: false, transposingOther: false))
    }
}
