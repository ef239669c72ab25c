import Testing
@testable import NN

@Suite("Reductions: sum, mean, max, argmax")
struct TensorReductionTests {
    let matrix = Tensor(rows: [[1, 2, 3], [4, 5, 6]])

    @Test func sumAlongEachDimension() {
        #expect(matrix.sum() == 21)
        #expect(matrix.sum(dim: 0) == Tensor([5, 7, 9]))
        #expect(matrix.sum(dim: 1) == Tensor([6, 15]))
        #expect(matrix.sum(dim: -1) == Tensor([6, 15]))
        #expect(matrix.sum(dim: 1, keepdim: true) == Tensor([6, 15], shape: [2, 1]))
        #expect(matrix.sum(dim: 0, keepdim: true).shape == [1, 3])
    }

    @Test func sumOverTheMiddleDimension() {
        // arange(24).view(2, 3, 4) summed over dim 1: out[i][k] = 36i + 12 + 3k.
        let cube = Tensor.arange(24).view(2, 3, 4)
        #expect(cube.sum(dim: 1) == Tensor([12, 15, 18, 21, 48, 51, 54, 57], shape: [2, 4]))
        #expect(cube.sum(dim: 1, keepdim: true).shape == [2, 1, 4])
    }

    @Test func means() {
        #expect(matrix.mean() == 3.5)
        #expect(matrix.mean(dim: 0) == Tensor([2.5, 3.5, 4.5]))
        #expect(matrix.mean(dim: 1, keepdim: true) == Tensor([2, 5], shape: [2, 1]))
    }

    @Test func maxAndArgmaxTakeTheFirstOfTies() {
        let ties = Tensor(rows: [[1, 3, 3], [5, 5, 0]])
        #expect(ties.argmax() == 3)
        #expect(ties.max() == 5)
        #expect(ties.argmax(dim: 1) == Tensor([1, 0]))
        let (values, indices) = ties.max(dim: 0)
        #expect(values == Tensor([5, 5, 3]))
        #expect(indices == Tensor([1, 1, 0]))
        #expect(ties.argmax(dim: 1, keepdim: true).shape == [2, 1])
    }

    @Test func argmaxOfALargeVectorAndNaN() {
        var values = (0..<1000).map { Float($0 % 97) }
        #expect(Tensor(values).argmax() == 96)
        values[500] = .nan
        #expect(Tensor(values).argmax() == 500)  // PyTorch propagates NaN as the maximum.
    }
}
