import Testing
import NN
@testable import Datasets

/// ToTensor, Normalize and Compose give PyTorch's float32 values.
@Suite struct TransformTests {
    @Test func toTensorScalesBytesIntoZeroOne() {
        let toTensor = ToTensor()
        #expect(toTensor(0) == 0)
        #expect(toTensor(255) == 1)
        #expect(toTensor(128) == Float(0.501_960_8))  // 128/255 in float32
        #expect(abs(toTensor(128) - 128.0 / 255.0) < 1e-7)
    }

    @Test func normalizeMapsZeroOneOntoMinusOneOne() {
        let normalize = Normalize(mean: 0.5, std: 0.5)
        #expect(normalize(0) == -1)
        #expect(normalize(1) == 1)
        #expect(normalize(0.5) == 0)
        #expect(Normalize(mean: 0.1307, std: 0.3081)(0.1307) == 0)
    }

    @Test func composedChainOnBytesZeroMaxAndMiddle() {
        let compose = Compose.mnist
        #expect(compose(0) == -1)
        #expect(compose(255) == 1)
        // (128/255 − 0.5) / 0.5 in float32: 0.0039216280, within 1e-7 of the exact 1/255.
        #expect(compose(128) == (Float(128) / 255 - 0.5) / 0.5)
        #expect(abs(compose(128) - 1.0 / 255.0) < 1e-7)
        for byte in UInt8.min...UInt8.max {
            #expect(compose(byte) == Normalize(mean: 0.5, std: 0.5)(ToTensor()(byte)))
        }
    }

    @Test func chainWithTwoNormalizations() {
        // MNIST's usual mean/std, then a second rescale: each step applied in turn.
        let compose = Compose(ToTensor(), Normalize(mean: 0.1307, std: 0.3081), Normalize(mean: 0, std: 2))
        #expect(compose(0) == (Float(0) - 0.1307) / 0.3081 / 2)
        #expect(compose(255) == (Float(1) - 0.1307) / 0.3081 / 2)
    }

    @Test func tensorsKeepTheirShape() {
        let bytes: [UInt8] = [0, 51, 102, 153, 204, 255]
        let tensor = ToTensor()(bytes, shape: [1, 2, 3])
        #expect(tensor.shape == [1, 2, 3])
        #expect(tensor.storage == [0, 0.2, 0.4, 0.6, 0.8, 1])
        let normalized = Normalize(mean: 0.5, std: 0.5)(tensor)
        #expect(normalized.shape == [1, 2, 3])
        #expect(zip(normalized.storage, [-1, -0.6, -0.2, 0.2, 0.6, 1] as [Float]).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(Compose.mnist(bytes, shape: [2, 3]).storage == normalized.storage)
    }
}
