import Testing
@testable import NN

@Suite("Tensor shape operations and indexing")
struct TensorShapeTests {
    let images = Tensor.arange(64 * 784).view(64, 1, 28, 28)

    @Test func viewInfersOneDimension() {
        #expect(images.view(64, -1).shape == [64, 784])
        #expect(images.view(-1, 784).shape == [64, 784])
        #expect(images.reshape([64, 1, 784]).shape == [64, 1, 784])
        #expect(Tensor.arange(6).view(3, -1).storage == [0, 1, 2, 3, 4, 5])
        #expect(Tensor.arange(6).view(-1).shape == [6])
    }

    @Test func flattenMergesTheRequestedDimensions() {
        #expect(images.flatten(startDim: 1).shape == [64, 784])
        #expect(images.flatten().shape == [64 * 784])
        #expect(images.flatten(startDim: 2, endDim: 3).shape == [64, 1, 784])
        #expect(images.flatten(startDim: 1).storage == images.storage)
    }

    @Test func squeezeAndUnsqueeze() {
        #expect(images.squeeze().shape == [64, 28, 28])
        #expect(images.squeeze(dim: 1).shape == [64, 28, 28])
        #expect(images.squeeze(dim: 0).shape == [64, 1, 28, 28])
        #expect(Tensor.arange(3).unsqueeze(dim: 1).shape == [3, 1])
        #expect(Tensor.arange(3).unsqueeze(dim: -1).shape == [3, 1])
    }

    @Test func transposeSwapsRowsAndColumns() {
        let matrix = Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(matrix.t() == Tensor(rows: [[1, 4], [2, 5], [3, 6]]))
    }

    @Test func rowIndexingGivesSubTensors() {
        let matrix = Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(matrix[1] == Tensor([4, 5, 6]))
        #expect(matrix[-1] == Tensor([4, 5, 6]))
        #expect(images[1].shape == [1, 28, 28])
        #expect(images[1].storage.first == 784)
        #expect(matrix[0][2].shape == [] && matrix[0][2].item() == 3)
    }

    @Test func elementAccessAndSelect() {
        var matrix = Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(matrix[1, 2] == 6 && matrix[-1, -3] == 4)
        matrix[0, 1] = 20
        #expect(matrix.storage == [1, 20, 3, 4, 5, 6])
        #expect(matrix.select(dim: 1, index: 1) == Tensor([20, 5]))
        #expect(images.element(at: [2, 0, 1, 3]) == Float(2 * 784 + 28 + 3))
        #expect(Tensor([0.1173], shape: [1, 1]).item() == 0.1173)
    }

    @Test func viewThatCannotHoldTheElementsFails() async {
        await #expect(processExitsWith: .failure) {
            _ = Tensor.arange(6).view([4, -1])
        }
    }
}
