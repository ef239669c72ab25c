import Testing
@testable import NN

@Suite("Losses against PyTorch (recorded fixture)")
struct LossTests {
    let reference: TorchTrainingReference.Losses

    init() throws {
        reference = try TorchTrainingReference.load().losses
    }

    @Test func crossEntropyOnLogitsMatchesPyTorchEvenForScoresNearAThousand() {
        let loss = CrossEntropyLoss()(reference.logits.tensor.requiringGrad(), reference.targets)
        let expected = Float(bitPattern: reference.crossEntropy)
        #expect(loss.shape == [])
        #expect(loss.item().isFinite)
        #expect(abs(loss.item() - expected) <= 1e-6 * max(1, abs(expected)), "ours \(loss.item()), PyTorch \(expected)")
        #expect(loss.description == reference.printedCrossEntropy)
    }

    @Test func logSoftmaxThenNLLLossMatchesPyTorch() {
        let logProbabilities = LogSoftmax(dim: 1)(reference.logits.tensor)
        #expect(largestRelativeError(logProbabilities.storage, reference.logSoftmax.tensor.storage, floor: 1) <= 1e-6)
        let loss = NLLLoss()(logProbabilities, reference.targets)
        let expected = Float(bitPattern: reference.nll)
        #expect(abs(loss.item() - expected) <= 1e-6 * max(1, abs(expected)), "ours \(loss.item()), PyTorch \(expected)")
    }

    @Test func crossEntropyGradientMatchesPyTorch() {
        let logits = reference.logits.tensor.requiringGrad()
        CrossEntropyLoss()(logits, reference.targets).backward()
        let gradient = try! #require(logits.grad)
        #expect(gradient.shape == reference.crossEntropyGrad.shape)
        // Gradients are softmax probabilities (≤ 1) divided by the batch: compare absolutely.
        #expect(isClose(gradient.storage, reference.crossEntropyGrad.tensor.storage, tolerance: 1e-7))
    }

    @Test func lossesPrintLikePyTorchModules() {
        #expect(CrossEntropyLoss().description == "CrossEntropyLoss()")
        #expect(NLLLoss().description == "NLLLoss()")
        #expect(LogSoftmax(dim: 1).description == "LogSoftmax(dim=1)")
    }

    @Test func functionalFormsAgreeWithTheModules() {
        let logits = reference.logits.tensor
        #expect(Functional.crossEntropy(logits, targets: reference.targets) == CrossEntropyLoss()(logits, reference.targets))
        #expect(Functional.nllLoss(Functional.logSoftmax(logits, dim: 1), targets: reference.targets)
                == NLLLoss()(logits.logSoftmax(dim: 1), reference.targets))
    }
}
