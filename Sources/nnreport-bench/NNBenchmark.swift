import NN
import Notebook

/// Prints the forward throughput of the notebook's 784-128-64-10 ReLU network at batch 64 and 1000.
///
/// Each measurement warms up for ~0.2 s, then runs ten windows of ~0.1 s each (whole forward
/// passes, timed with the monotonic `ContinuousClock`) and reports the median window's rate, so a
/// burst of load from other processes on this shared machine does not decide the figure.
/// The goal is PyTorch's CPU figure here (about 220,000 images/s at batch 64 and 370,000 at 1000).
/// A second line times the three matrix products alone (`Tensor.linear` without bias or
/// activations): the floor that any engine built on the same OpenBLAS pays. A third line repeats
/// the forward pass with a single BLAS thread (OpenBLAS defaults to one per core).
func benchmarkNN() {
    var generator = Generator(seed: 0)
    let model = ReluNet(generator: &generator)
    let weights = [model.inputToHiddenOne, model.hiddenOneToHiddenTwo, model.hiddenTwoToOutput].map(\.weight.data)
    let defaultThreads = BLASThreads.count
    for batchSize in [64, 1000] {
        let images = Tensor.uniform([batchSize, 784], low: -1, high: 1, generator: &generator)
        let forward = medianThroughput(batchSize: batchSize) { model(images).storage[0] }
        print("nn.forward relu-784-128-64-10 batch=\(batchSize): \(Int(forward.rounded())) images/s")
        let products = medianThroughput(batchSize: batchSize) {
            weights.reduce(images) { Tensor.linear($0, weight: $1, bias: nil) }.storage[0]
        }
        print("nn.products-only 784-128-64-10 batch=\(batchSize): \(Int(products.rounded())) images/s")
        if defaultThreads > 1 {
            // The same forward pass with one BLAS thread, which wins when other processes load the cores.
            BLASThreads.set(1)
            let single = medianThroughput(batchSize: batchSize) { model(images).storage[0] }
            BLASThreads.set(defaultThreads)
            print("nn.forward relu-784-128-64-10 batch=\(batchSize) blas-threads=1: \(Int(single.rounded())) images/s")
        }
    }
}

/// The median over ten ~0.1 s windows of images per second for `pass`, after a ~0.2 s warm-up.
///
/// `pass` returns one output element, which is accumulated so the work cannot be optimised away.
private func medianThroughput(batchSize: Int, _ pass: () -> Float) -> Double {
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
