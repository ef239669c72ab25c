import Testing
@testable import NN

@Suite("Tensor creation")
struct TensorCreationTests {
    @Test func constantTensorsHaveShapeAndValue() {
        #expect(Tensor.zeros([2, 3]) == Tensor(shape: [2, 3], storage: [0, 0, 0, 0, 0, 0]))
        #expect(Tensor.ones([3]).storage == [1, 1, 1])
        #expect(Tensor.full([2, 2], value: 7.5).storage == [7.5, 7.5, 7.5, 7.5])
        #expect(Tensor.zeros([0, 4]).count == 0)
        let scalar = Tensor(scalar: 4)
        #expect(scalar.shape == [] && scalar.rank == 0 && scalar.item() == 4)
    }

    @Test func arraysAndRowsBecomeTensors() {
        let vector = Tensor([1, 2, 3])
        #expect(vector.shape == [3])
        let matrix = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
        #expect(matrix.shape == [2, 3] && matrix[1, 0] == 4)
        #expect(Tensor(rows: [[1, 2, 3], [4, 5, 6]]) == matrix)
    }

    @Test func linspaceIncludesBothEnds() {
        let values = Tensor.linspace(-2, 2, steps: 5)
        #expect(values.storage == [-2, -1, 0, 1, 2])
        let fine = Tensor.linspace(-2, 2, steps: 200)
        #expect(fine.count == 200 && fine.storage.first == -2 && fine.storage.last == 2)
        #expect(abs(fine.storage[1] - (-2 + 4 / 199.0)) < 1e-6)
        #expect(Tensor.linspace(3, 9, steps: 1).storage == [3])
        #expect(Tensor.arange(4).storage == [0, 1, 2, 3])
    }

    @Test func randomTensorsFollowTheirDistributions() {
        var generator = Generator(seed: 9)
        let normal = Tensor.randn([200, 500], generator: &generator)
        #expect(normal.shape == [200, 500])
        let (mean, std) = meanAndStandardDeviation(normal.storage)
        #expect(abs(mean) < 0.01 && abs(std - 1) < 0.01)
        let uniform = Tensor.uniform([10_000], low: 0.25, high: 0.5, generator: &generator)
        #expect(uniform.storage.allSatisfy { $0 >= 0.25 && $0 < 0.5 })
    }

    @Test func randomTensorsAreReproducibleFromTheSeed() {
        var first = Generator(seed: 123), second = Generator(seed: 123), third = Generator(seed: 124)
        let a = Tensor.randn([64, 10], generator: &first)
        #expect(a == Tensor.randn([64, 10], generator: &second))
        #expect(a != Tensor.randn([64, 10], generator: &third))
    }

    @Test func inPlaceInitialisersOverwriteEveryElement() {
        var tensor = Tensor.ones([4, 5])
        tensor.fill_(0)
        #expect(tensor == Tensor.zeros([4, 5]))
        var generator = Generator(seed: 4)
        var weights = Tensor.zeros([128, 784])
        weights.normal_(std: 0.01, generator: &generator)
        let (mean, std) = meanAndStandardDeviation(weights.storage)
        #expect(abs(mean) < 0.0002 && abs(std - 0.01) < 0.0002)
    }
}
