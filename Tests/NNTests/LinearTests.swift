import Testing
@testable import NN

@Suite("Linear: PyTorch initialisation and forward pass")
struct LinearTests {
    @Test func initialValuesLieInsideTheBoundWithUniformSpread() {
        var generator = Generator(seed: 0)
        let layer = Linear(784, 256, generator: &generator)
        let bound: Float = 1 / 28  // 1/√784
        #expect(layer.weight.shape == [256, 784] && layer.bias?.shape == [256])
        #expect(layer.weight.data.storage.allSatisfy { abs($0) <= bound })
        #expect(layer.bias!.data.storage.allSatisfy { abs($0) <= bound })
        // U(−b, b) has standard deviation b/√3; 200,704 weights pin it within 2%.
        let (mean, std) = meanAndStandardDeviation(layer.weight.data.storage)
        let expectedStd = Double(bound) / 3.0.squareRoot()
        #expect(abs(std - expectedStd) / expectedStd < 0.02)
        #expect(abs(mean) < 0.02 * expectedStd)
        // The extremes come close to the bound: the interval is really ±1/√fan_in.
        #expect(layer.weight.data.max() > 0.99 * bound)
        #expect(-(layer.weight.data * -1).max() < -0.99 * bound)
    }

    @Test func seededInitialisationMatchesTheReferenceStream() {
        // Weight (row-major) then bias, each low + (high − low)·u with u = (next() >> 40)·2^−24,
        // from an independent reference implementation of the generator.
        var generator = Generator(seed: 0)
        let layer = Linear(4, 2, generator: &generator)
        #expect(isClose(layer.weight.data.storage, [0.10126299, 0.24777406, -0.39698005, -0.08341098,
                                                    0.23299676, 0.49974841, -0.07778853, 0.03565484], tolerance: 1e-7))
        #expect(isClose(layer.bias!.data.storage, [0.35551715, 0.41885799], tolerance: 1e-7))
    }

    @Test func boundFollowsFanIn() {
        #expect(Linear.initialisationBound(inFeatures: 64) == 0.125)
        var generator = Generator(seed: 1)
        let small = Linear(64, 10, generator: &generator)
        #expect(small.weight.data.storage.allSatisfy { abs($0) <= 0.125 })
        #expect(small.bias!.data.storage.allSatisfy { abs($0) <= 0.125 })
    }

    @Test func sameSeedSameWeightsDifferentSeedDifferentWeights() {
        var first = Generator(seed: 5), second = Generator(seed: 5), third = Generator(seed: 6)
        let a = Linear(20, 7, generator: &first)
        let b = Linear(20, 7, generator: &second)
        let c = Linear(20, 7, generator: &third)
        #expect(a.weight.data == b.weight.data && a.bias!.data == b.bias!.data)
        #expect(a.weight.data != c.weight.data)
    }

    @Test func forwardComputesInputTimesWeightTransposedPlusBias() {
        var generator = Generator(seed: 2)
        let layer = Linear(2, 3, generator: &generator)
        layer.weight.data = Tensor(rows: [[1, 2], [3, 4], [5, 6]])
        layer.bias!.data = Tensor([0.5, -1, 2])
        #expect(layer(Tensor(rows: [[1, 1], [2, -1]])) == Tensor(rows: [[3.5, 6, 13], [0.5, 1, 6]]))
    }

    @Test func withoutBiasThereIsOneParameter() {
        var generator = Generator(seed: 3)
        let layer = Linear(4, 2, bias: false, generator: &generator)
        #expect(layer.bias == nil)
        #expect(layer.namedParameters().map(\.name) == ["weight"])
        #expect(layer.description == "Linear(in_features=4, out_features=2, bias=False)")
    }

    @Test func inPlaceInitialisationChangesTheLayer() {
        var generator = Generator(seed: 4)
        let layer = Linear(784, 128, generator: &generator)
        layer.bias!.fill_(0)
        layer.weight.normal_(std: 0.01, generator: &generator)
        #expect(layer.bias!.data == Tensor.zeros([128]))
        let (_, std) = meanAndStandardDeviation(layer.weight.data.storage)
        #expect(abs(std - 0.01) < 0.0002)
        // Through `data`, as the notebook's `weight.data.fill_` does.
        layer.weight.data.fill_(1)
        #expect(layer(Tensor.ones([1, 784])).storage == [Float](repeating: 784, count: 128))
    }
}
