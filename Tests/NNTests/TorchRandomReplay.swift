@testable import NN

/// Replays a recorded case with `TorchGenerator` and lists where it differs from PyTorch.
struct TorchRandomReplay {
    /// The C transforms to use; `.fastest` goes through the public `Tensor` and `Linear` API.
    let kernels: TorchRandomKernels

    /// One line per op whose result differs from the recording (empty when every bit agrees).
    func mismatches(of recorded: TorchRandomReference.Case) -> [String] {
        let generator = TorchGenerator(seed: recorded.seed)
        var problems: [String] = []
        for (position, op) in recorded.ops.enumerated() {
            let label = "\(recorded.name) op \(position) (\(op.op))"
            for problem in mismatches(of: op, generator: generator) {
                problems.append("\(label): \(problem)")
            }
        }
        return problems
    }

    /// Runs `op` on `generator` and compares what it gives with the recording.
    private func mismatches(of op: TorchRandomReference.Op, generator: TorchGenerator) -> [String] {
        switch op.op {
        case "manual_seed":
            guard let seed = op.seed else { return ["malformed op"] }
            generator.manualSeed(seed)
            return []
        case "linear":
            return linearMismatches(op, generator: generator)
        default:
            guard let result = op.result else { return ["no result recorded"] }
            guard let problem = draw(op, generator: generator) else { return ["malformed op"] }
            return problem(result).map { [$0] } ?? []
        }
    }

    /// Draws what `op` asks for and returns how to compare it with a recording, or nil for a malformed op.
    private func draw(_ op: TorchRandomReference.Op,
                      generator: TorchGenerator) -> ((TorchRandomReference.Recording) -> String?)? {
        switch (op.op, op.count) {
        case ("rand", let count?):
            let values = uniform(count, from: 0, to: 1, generator: generator)
            return { $0.mismatch(values) }
        case ("uniform", let count?):
            guard let from = op.from, let to = op.to else { return nil }
            let values = uniform(count, from: from, to: to, generator: generator)
            return { $0.mismatch(values) }
        case ("randn", let count?):
            let values = normal(count, mean: 0, std: 1, generator: generator)
            return { $0.mismatch(values) }
        case ("normal", let count?):
            guard let mean = op.mean, let std = op.std else { return nil }
            let values = normal(count, mean: mean, std: std, generator: generator)
            return { $0.mismatch(values) }
        case ("randint", let count?):
            guard let low = op.low, let high = op.high else { return nil }
            let values = generator.randint(low: low, high: high, count: count)
            return { $0.mismatch(values) }
        case ("randperm", let count?):
            let values = generator.randperm(count).map(Int64.init)
            return { $0.mismatch(values) }
        case ("random_int64", nil):
            let value = generator.randomInt64()
            return { $0.mismatch([value]) }
        default:
            return nil
        }
    }

    /// `nn.Linear(in, out)`: the bounds, then weight and bias.
    private func linearMismatches(_ op: TorchRandomReference.Op, generator: TorchGenerator) -> [String] {
        guard let inFeatures = op.inFeatures, let outFeatures = op.outFeatures, let weight = op.weight,
              let bias = op.bias, let weightBoundBits = op.weightBoundBits, let biasBoundBits = op.biasBoundBits
        else { return ["malformed op"] }
        var problems: [String] = []
        let weightBound = Linear.kaimingUniformBound(fanIn: inFeatures)
        let biasBound = Linear.biasBound(fanIn: inFeatures)
        if weightBound.bitPattern != weightBoundBits {
            problems.append("weight bound \(weightBound), PyTorch \(Double(bitPattern: weightBoundBits))")
        }
        if biasBound.bitPattern != biasBoundBits {
            problems.append("bias bound \(biasBound), PyTorch \(Double(bitPattern: biasBoundBits))")
        }
        let ours: (weight: [Float], bias: [Float])
        switch kernels {
        case .fastest:
            let layer = Linear(inFeatures, outFeatures, generator: generator)
            ours = (layer.weight.data.storage, layer.bias?.data.storage ?? [])
        case .portable:
            ours = (uniform(outFeatures * inFeatures, from: -weightBound, to: weightBound, generator: generator),
                    uniform(outFeatures, from: -biasBound, to: biasBound, generator: generator))
        }
        if let problem = weight.mismatch(ours.weight) { problems.append("weight: \(problem)") }
        if let problem = bias.mismatch(ours.bias) { problems.append("bias: \(problem)") }
        return problems
    }

    // MARK: - Float draws

    /// `torch.empty(count).uniform_(from, to)`.
    private func uniform(_ count: Int, from: Double, to: Double, generator: TorchGenerator) -> [Float] {
        switch kernels {
        case .fastest:
            if from == 0 && to == 1 { return Tensor.rand([count], generator: generator).storage }
            var tensor = Tensor.zeros([count])
            tensor.uniform_(from: from, to: to, generator: generator)
            return tensor.storage
        case .portable:
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                generator.fillUniform(buffer, from: Float(from), to: Float(to), kernels: .portable)
                initialized = count
            }
        }
    }

    /// `torch.empty(count).normal_(mean, std)`.
    private func normal(_ count: Int, mean: Double, std: Double, generator: TorchGenerator) -> [Float] {
        switch kernels {
        case .fastest:
            if mean == 0 && std == 1 { return Tensor.randn([count], generator: generator).storage }
            var tensor = Tensor.zeros([count])
            tensor.normal_(mean: mean, std: std, generator: generator)
            return tensor.storage
        case .portable:
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                generator.fillNormal(buffer, mean: mean, std: std, kernels: .portable)
                initialized = count
            }
        }
    }
}
