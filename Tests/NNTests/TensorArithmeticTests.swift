import Testing
@testable import NN

@Suite("Element-wise arithmetic and broadcasting")
struct TensorArithmeticTests {
    let matrix = Tensor(rows: [[1, 2, 3], [4, 5, 6]])

    @Test func sameShapeOperations() {
        let other = Tensor(rows: [[6, 5, 4], [3, 2, 1]])
        #expect((matrix + other).storage == [7, 7, 7, 7, 7, 7])
        #expect((matrix - other).storage == [-5, -3, -1, 1, 3, 5])
        #expect((matrix * other).storage == [6, 10, 12, 12, 10, 6])
        #expect((matrix / other).storage == [1.0 / 6, 0.4, 0.75, 4.0 / 3, 2.5, 6])
    }

    @Test func scalarOperationsOnBothSides() {
        #expect((matrix + 1).storage == [2, 3, 4, 5, 6, 7])
        #expect((matrix - 1).storage == [0, 1, 2, 3, 4, 5])
        #expect((matrix * 2).storage == [2, 4, 6, 8, 10, 12])
        #expect((matrix / 2).storage == [0.5, 1, 1.5, 2, 2.5, 3])
        #expect((10 - matrix).storage == [9, 8, 7, 6, 5, 4])
        #expect((12 / matrix).storage == [12, 6, 4, 3, 2.4, 2])
        #expect((2 * matrix) == matrix * 2)
        #expect((-matrix).storage == [-1, -2, -3, -4, -5, -6])
        #expect((matrix + Tensor(scalar: 1)).shape == [2, 3])
    }

    @Test func rowVectorBroadcastsOverRows() {
        // (2, 3) + (3): the vector is added to every row.
        let sum = matrix + Tensor([10, 20, 30])
        #expect(sum.shape == [2, 3])
        #expect(sum.storage == [11, 22, 33, 14, 25, 36])
    }

    @Test func columnDivisionLikeTheNotebookSoftmax() {
        // (64, 10) / (64, 1): every row r is (r + 1)·[1 … 10], divided by its own r + 1.
        let rows = (0..<64).flatMap { row in (1...10).map { Float((row + 1) * $0) } }
        let numerator = Tensor(rows, shape: [64, 10])
        let denominator = Tensor((1...64).map(Float.init), shape: [64, 1])
        let quotient = numerator / denominator
        #expect(quotient.shape == [64, 10])
        #expect(quotient.storage == Array(repeating: (1...10).map(Float.init), count: 64).flatMap { $0 })
        // The notebook's own form: sum(dim: 1).view(64, 1).
        let normalised = numerator / numerator.sum(dim: 1).view(64, 1)
        #expect(isClose(normalised.sum(dim: 1).storage, [Float](repeating: 1, count: 64)))
        #expect(isClose(normalised[3].storage, (1...10).map { Float($0) / 55 }))
    }

    @Test func outerProductFromColumnTimesRow() {
        let column = Tensor([1, 2], shape: [2, 1])
        let row = Tensor([1, 2, 3], shape: [1, 3])
        #expect((column * row) == Tensor(rows: [[1, 2, 3], [2, 4, 6]]))
    }

    @Test func threeDimensionalBroadcastWithMissingLeadingDimension() {
        // (2, 1, 3) + (2, 1) → (2, 2, 3); out[i][j][k] = a[i][0][k] + b[j][0].
        let a = Tensor.arange(6).view(2, 1, 3)
        let b = Tensor([10, 20], shape: [2, 1])
        let sum = a + b
        #expect(sum.shape == [2, 2, 3])
        #expect(sum.storage == [10, 11, 12, 20, 21, 22, 13, 14, 15, 23, 24, 25])
        #expect(Tensor.broadcastShape([8, 1, 6, 1], [7, 1, 5]) == [8, 7, 6, 5])
    }

    @Test func compoundAssignmentKeepsTheShape() {
        var accumulator = Tensor.zeros([2, 3])
        accumulator += matrix
        accumulator *= Tensor([1, 0, 2])
        #expect(accumulator.storage == [1, 0, 6, 4, 0, 12])
    }

    @Test func incompatibleShapesFailNamingBothShapes() async throws {
        // The notebook's warning: (64, 10) / (64) cannot broadcast.
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.ones([64, 10]) / Tensor.ones([64])
        }
        let message = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(message.contains("shapes [64, 10] and [64] cannot be broadcast together"))
    }
}
