import NN
import Notebook

/// Prints the forward throughput of the notebook's 784-128-64-10 ReLU network at batch 1, 64 and 1000.
///
/// First with the process's kernel (`MatrixKernel.active`, which `NNREPORT_KERNEL` and
/// `OPENBLAS_CORETYPE` choose) and thread limit, in lines exactly of the form
/// `nn.forward relu-784-128-64-10 batch=64: 123456 images/s`; then the three matrix products alone,
/// one thread, and every other kernel this processor can run, each line naming what it changes.
/// Each figure is the median of ten ~0.1 s windows after a ~0.2 s warm-up, so a burst of load
/// from other processes on this shared machine does not decide it. Passes run without recording
/// the autograd graph, as `scripts/bench_torch_forward.py` runs PyTorch's under `torch.no_grad()`.
func benchmarkNN() {
    let active = MatrixKernel.active
    let threads = KernelThreads.count
    print("kernel: \(active); threads: \(threads)")
    var generator = Generator(seed: 0)
    let model = ReluNet(generator: TorchGenerator(seed: 0))
    let weights = [model.inputToHiddenOne, model.hiddenOneToHiddenTwo, model.hiddenTwoToOutput].map(\.weight)
    let batches = [1, 64, 1000].map { Tensor.uniform([$0, 784], low: -1, high: 1, generator: &generator) }
    for images in batches {
        let rate = medianThroughput(batchSize: images.shape[0]) { model(images).storage[0] }
        print("nn.forward relu-784-128-64-10 batch=\(images.shape[0]): \(Int(rate.rounded())) images/s")
    }
    for images in batches {
        let rate = medianThroughput(batchSize: images.shape[0]) {
            weights.reduce(images) { Tensor.linear($0, weight: $1.data, bias: nil, packedWeight: $1.packedTransposed()) }
                .storage[0]
        }
        print("nn.products-only 784-128-64-10 batch=\(images.shape[0]): \(Int(rate.rounded())) images/s")
    }
    if threads > 1 {
        KernelThreads.set(1)
        for images in batches where images.shape[0] > 1 {
            let rate = medianThroughput(batchSize: images.shape[0]) { model(images).storage[0] }
            print("nn.forward relu-784-128-64-10 batch=\(images.shape[0]) threads=1: \(Int(rate.rounded())) images/s")
        }
        KernelThreads.set(threads)
    }
    for kernel in otherKernels(than: active) {
        MatrixKernel.active = kernel
        for images in batches {
            let rate = medianThroughput(batchSize: images.shape[0]) { model(images).storage[0] }
            print("nn.forward relu-784-128-64-10 batch=\(images.shape[0]) kernel=\(kernel.shortName): "
                  + "\(Int(rate.rounded())) images/s")
        }
    }
    MatrixKernel.active = active
}

/// The kernels this processor can run besides `active`: the other native instruction sets
/// (scalar only when nothing faster exists: it is a fallback), and OpenBLAS when it loads.
private func otherKernels(than active: MatrixKernel) -> [MatrixKernel] {
    var kernels = MatrixKernel.InstructionSet.allCases
        .filter { $0.isSupported && $0 != .scalar }
        .map { MatrixKernel(backend: .native($0), reason: "benchmark") }
    if let openBLAS = try? MatrixKernel.select(environment: ["NNREPORT_KERNEL": "openblas"]) {
        kernels.append(openBLAS)
    }
    return kernels.filter { $0.backend != active.backend }
}

extension MatrixKernel {
    /// "avx2", "openblas-Zen": a benchmark line's tag.
    fileprivate var shortName: String {
        switch backend {
        case .native(let set): set.rawValue
        case .openBLAS(let core, _): "openblas-\(core)"
        }
    }
}

/// The median over ten ~0.1 s windows of images per second for `pass`, after a ~0.2 s warm-up.
///
/// `pass` returns one output element, which is accumulated so the work cannot be optimised away.
private func medianThroughput(batchSize: Int, _ pass: () -> Float) -> Double {
    withNoGrad { medianThroughputRecordingNothing(batchSize: batchSize, pass) }
}

/// `medianThroughput`'s measurement, inside its no-grad scope.
private func medianThroughputRecordingNothing(batchSize: Int, _ pass: () -> Float) -> Double {
    let clock = ContinuousClock()
    var checksum: Float = 0
    let warmUpEnd = clock.now.advanced(by: .milliseconds(200))
    while clock.now < warmUpEnd { checksum += pass() }
    var rates: [Double] = []
    for _ in 0..<10 {
        var iterations = 0
        let start = clock.now
        var elapsed = Duration.zero
        while elapsed < .milliseconds(100) {
            checksum += pass()
            iterations += 1
            elapsed = start.duration(to: clock.now)
        }
        rates.append(Double(iterations * batchSize) / seconds(elapsed))
    }
    precondition(checksum.isFinite, "benchmarkNN: non-finite output")
    rates.sort()
    return (rates[4] + rates[5]) / 2
}

/// `duration` in seconds as a Double.
private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
