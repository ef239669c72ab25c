import Testing
@testable import NN

@Suite("Gradients of a network and optimiser steps against PyTorch (recorded fixture)")
struct OptimizerTests {
    let reference: TorchTrainingReference

    init() throws {
        reference = try TorchTrainingReference.load()
    }

    /// The network's NLL loss on the fixture's batch.
    func loss(of model: Sequential) -> Tensor {
        NLLLoss()(model(reference.mlp.inputs.tensor), reference.mlp.targets)
    }

    /// The recorded optimiser run called `name`.
    func run(_ name: String) throws -> TorchTrainingReference.OptimizerRun {
        try #require(reference.optimizers.first { $0.name == name })
    }

    /// Takes `steps` steps (zero, forward, backward, step) and compares the losses and parameters.
    func expectSteps(_ name: String, _ steps: Int, _ makeOptimizer: ([Parameter]) -> Optimizer) throws {
        let recorded = try run(name)
        let model = reference.network()
        let optimizer = makeOptimizer(model.parameters())
        for step in 0..<steps {
            optimizer.zeroGrad()
            let value = loss(of: model)
            value.backward()
            optimizer.step()
            let expected = Float(bitPattern: recorded.losses[step])
            #expect(abs(value.item() - expected) <= 1e-6 * abs(expected), "\(name) loss before step \(step + 1)")
        }
        let after = try #require(recorded.after[String(steps)])
        for (index, (parameter, record)) in zip(model.parameters(), after).enumerated() {
            let error = largestRelativeError(parameter.data.storage, record.tensor.storage, floor: 1e-2)
            #expect(error <= 1e-6, "\(name), \(steps) steps, parameter \(index): relative error \(error)")
        }
    }

    // MARK: - Gradients

    @Test func networkGradientsMatchPyTorch() throws {
        let model = reference.network()
        let value = loss(of: model)
        #expect(value.gradFunctionName == reference.mlp.lossGradFn)
        #expect(abs(value.item() - Float(bitPattern: reference.mlp.loss)) <= 1e-6 * value.item())
        value.backward()
        for (index, (parameter, record)) in zip(model.parameters(), reference.mlp.grads).enumerated() {
            let grad = try #require(parameter.grad)
            #expect(grad.shape == record.shape)
            // Gradients are sums of many products; compare relative to the gradient's scale.
            let scale = record.tensor.storage.map(abs).max() ?? 1
            #expect(isClose(grad.storage, record.tensor.storage, tolerance: 1e-6 * scale), "parameter \(index)")
        }
    }

    // MARK: - One update from PyTorch's own gradients

    @Test(arguments: ["sgd", "sgd-plain", "adam"])
    func oneStepFromPyTorchsGradientsMatchesPyTorch(_ name: String) throws {
        let recorded = try run(name)
        let model = reference.network()
        for (parameter, grad) in zip(model.parameters(), reference.mlp.grads) { parameter.grad = grad.tensor }
        let optimizer: Optimizer = switch name {
        case "sgd": SGD(model.parameters(), lr: 0.1, momentum: 0.9)
        case "sgd-plain": SGD(model.parameters(), lr: 0.1)
        default: Adam(model.parameters(), lr: 0.01)
        }
        optimizer.step()
        let after = try #require(recorded.after["1"])
        for (index, (parameter, record)) in zip(model.parameters(), after).enumerated() {
            let error = largestRelativeError(parameter.data.storage, record.tensor.storage, floor: 1e-6)
            #expect(error <= 1e-6, "\(name), parameter \(index): relative error \(error)")
        }
    }

    // MARK: - Whole steps

    @Test func sgdWithMomentumMatchesPyTorchOverOneAndThreeSteps() throws {
        for steps in [1, 3] { try expectSteps("sgd", steps) { SGD($0, lr: 0.1, momentum: 0.9) } }
    }

    @Test func plainSGDMatchesPyTorchOverOneAndThreeSteps() throws {
        for steps in [1, 3] { try expectSteps("sgd-plain", steps) { SGD($0, lr: 0.1) } }
    }

    @Test func adamMatchesPyTorchOverOneAndThreeSteps() throws {
        for steps in [1, 3] { try expectSteps("adam", steps) { Adam($0, lr: 0.01) } }
    }

    // MARK: - Mechanics

    @Test func zeroGradClearsAndParametersWithoutGradientsStayPut() {
        let model = reference.network()
        let optimizer = SGD(model.parameters(), lr: 0.1, momentum: 0.9)
        let before = model.parameters().map(\.data)
        optimizer.step()   // No gradients yet: nothing moves.
        #expect(model.parameters().map(\.data) == before)
        loss(of: model).backward()
        #expect(model.parameters().allSatisfy { $0.grad != nil })
        optimizer.zeroGrad()
        #expect(model.parameters().allSatisfy { $0.grad == nil })
    }

    /// Under `NNREPORT_KERNEL=openblas` (CI's second pass) no weight is packed, so the repacking half does not apply.
    @Test(.enabled(if: MatrixKernel.active.instructionSet != nil, "the native kernel packs weights; OpenBLAS does not"))
    func aStepUpdatesWeightsInPlaceAndRepacksThem() throws {
        let model = reference.network()
        let optimizer = SGD(model.parameters(), lr: 0.1, momentum: 0.9)
        let weight = model.parameters()[0]
        let packedBefore = try #require(weight.packedTransposed() as PackedMatrix?)
        let address = weight.data.storage.withUnsafeBufferPointer { $0.baseAddress }
        let value = loss(of: model)
        value.backward()
        optimizer.step()
        // The backward pass released the graph's copy of the weight: the step wrote into the same buffer.
        #expect(weight.data.storage.withUnsafeBufferPointer { $0.baseAddress } == address)
        #expect(weight.packedTransposed() !== packedBefore)
    }
}
