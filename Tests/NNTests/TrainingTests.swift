import Testing
@testable import NN

@Suite("Training a small network end to end")
struct TrainingTests {
    /// 64 fixed 28x28 "images" in [−1, 1] with fixed labels 0…9, and a 784-32-10 network.
    static func problem(seed: UInt64) -> (images: Tensor, labels: [Int], model: Sequential) {
        var generator = Generator(seed: seed)
        let images = Tensor.uniform([64, 1, 28, 28], low: -1, high: 1, generator: &generator)
        let labels = (0..<64).map { $0 % 10 }
        let model = Sequential(Linear(784, 32, generator: &generator), ReLU(), Linear(32, 10, generator: &generator),
                               LogSoftmax(dim: 1))
        return (images, labels, model)
    }

    /// Trains `steps` full-batch steps and returns the final loss and training accuracy.
    static func train(_ optimizer: Optimizer, model: Sequential, images: Tensor, labels: [Int],
                      steps: Int) -> (firstLoss: Float, loss: Float, accuracy: Double) {
        let inputs = images.view(images.shape[0], -1)
        let criterion = NLLLoss()
        var firstLoss = Float.nan
        for step in 0..<steps {
            optimizer.zeroGrad()
            let loss = criterion(model(inputs), labels)
            if step == 0 { firstLoss = loss.item() }
            loss.backward()
            optimizer.step()
        }
        let output = withNoGrad { model(inputs) }
        let predictions = output.argmax(dim: 1).storage.map { Int($0) }
        let correct = zip(predictions, labels).filter { $0 == $1 }.count
        return (firstLoss, criterion(output, labels).item(), Double(correct) / Double(labels.count))
    }

    @Test func sgdWithMomentumLearns64ImagesByHeart() {
        let (images, labels, model) = Self.problem(seed: 11)
        let result = Self.train(SGD(model.parameters(), lr: 0.05, momentum: 0.9), model: model, images: images,
                                labels: labels, steps: 150)
        #expect(result.firstLoss > 2)
        #expect(result.loss < 0.01, "loss \(result.loss)")
        #expect(result.accuracy == 1)
    }

    @Test func adamLearns64ImagesByHeart() {
        let (images, labels, model) = Self.problem(seed: 12)
        let result = Self.train(Adam(model.parameters(), lr: 0.01), model: model, images: images, labels: labels,
                                steps: 150)
        #expect(result.loss < 0.01, "loss \(result.loss)")
        #expect(result.accuracy == 1)
    }

    @Test func aBatchStepLeavesNoGraphBehind() {
        let (images, labels, model) = Self.problem(seed: 13)
        let optimizer = SGD(model.parameters(), lr: 0.01, momentum: 0.9)
        let loss = NLLLoss()(model(images.view(64, -1)), labels)
        loss.backward()
        optimizer.step()
        // Updates happen outside the graph: the weights stay leaves without history.
        #expect(model.parameters().allSatisfy { $0.tensor.isLeaf && !$0.data.requiresGrad })
    }
}
