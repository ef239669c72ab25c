import Foundation
@testable import NN

/// What real PyTorch computed while training, recorded by `scripts/torch_training_reference.py`
/// (`Tests/Fixtures/torch-training-reference.json`); float32 values as bit patterns.
struct TorchTrainingReference: Decodable {
    /// A recorded tensor.
    struct Record: Decodable {
        let shape: [Int]
        let bits: [UInt32]
        /// The tensor it records.
        var tensor: Tensor { Tensor(shape: shape, storage: bits.map(Float.init(bitPattern:))) }
    }

    /// Loss values on fixed logits.
    struct Losses: Decodable {
        let logits: Record
        let targets: [Int]
        let crossEntropy: UInt32
        let crossEntropyGrad: Record
        let logSoftmax: Record
        let nll: UInt32
        let printedCrossEntropy: String
    }

    /// A 20-8-10 network's loss and gradients on a fixed batch.
    struct MLP: Decodable {
        let weights: [Record]
        let inputs: Record
        let targets: [Int]
        let loss: UInt32
        let lossGradFn: String
        let grads: [Record]
    }

    /// The same network after optimiser steps.
    struct OptimizerRun: Decodable {
        let name: String
        /// The loss before each of three steps.
        let losses: [UInt32]
        /// The parameters after step "1" and "3".
        let after: [String: [Record]]
    }

    /// x = [[1, 2], [3, 4]]; y = x ** 2; z = y.mean(); z.backward().
    struct Autograd: Decodable {
        let x: Record
        let yGradFn: String
        let zGradFn: String
        let xGrad: Record
        let printedX: String
        let printedY: String
        let printedZ: String
        let printedXGrad: String
    }

    /// Printouts of results that carry a grad_fn.
    struct Printed: Decodable {
        let weights: [Record]
        let inputs: Record
        let probabilities: String
        let column: String
        let highest: Int
        let weightGrad: String
        let biasGrad: String
        let weight: String
        let frozen: String
    }

    let torchVersion: String
    let losses: Losses
    let mlp: MLP
    let optimizers: [OptimizerRun]
    let autograd: Autograd
    /// The grad_fn class name of each listed operation's result.
    let gradFnNames: [String: String]
    let printed: Printed

    /// The fixture next to the test targets.
    static let fileURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Tests/NNTests
        .deletingLastPathComponent()   // Tests
        .appendingPathComponent("Fixtures/torch-training-reference.json")

    /// Reads and decodes the fixture.
    static func load() throws -> TorchTrainingReference {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(TorchTrainingReference.self, from: Data(contentsOf: fileURL))
    }

    /// The recorded 20-8-10 network: Linear, ReLU, Linear, LogSoftmax with the fixture's weights.
    func network() -> Sequential {
        var generator = Generator(seed: 0)
        let model = Sequential(Linear(20, 8, generator: &generator), ReLU(), Linear(8, 10, generator: &generator),
                               LogSoftmax(dim: 1))
        for (parameter, record) in zip(model.parameters(), mlp.weights) { parameter.data = record.tensor }
        return model
    }
}

/// The largest |actual − expected| / |expected| over the elements, with |expected| floored at
/// `floor` so that values near zero are compared absolutely.
func largestRelativeError(_ actual: [Float], _ expected: [Float], floor: Float = 1e-3) -> Float {
    precondition(actual.count == expected.count, "largestRelativeError: \(actual.count) vs \(expected.count) values")
    return zip(actual, expected).map { abs($0 - $1) / max(abs($1), floor) }.max() ?? 0
}
