import NN

/// Prints the time of one x·Wᵀ product (x: rows x 784, W: 128 x 784) on one thread and on two, for
/// the row counts around `MatrixProduct`'s threshold, so the threshold can be checked on this machine.
///
/// Lines: `kernels.linear 784x128 rows=16: 1 thread 14.2 us, 2 threads 11.0 us`. Each figure is the
/// median of 15 windows of ~20 ms after a warm-up.
func benchmarkKernels() {
    print("kernel: \(MatrixKernel.active)")
    var generator = Generator(seed: 0)
    let layer = Linear(784, 128, generator: &generator)
    let limit = KernelThreads.count
    for rows in [1, 4, 8, 12, 16, 20, 24, 32, 48, 64, 128, 1000] {
        let input = Tensor.uniform([rows, 784], low: -1, high: 1, generator: &generator)
        KernelThreads.set(1)
        let single = medianMicroseconds { layer(input).storage[0] }
        KernelThreads.set(max(2, limit))
        let threshold = KernelThreads.parallelThreshold
        KernelThreads.parallelThreshold = 0
        let split = medianMicroseconds { layer(input).storage[0] }
        KernelThreads.parallelThreshold = threshold
        KernelThreads.set(limit)
        print("kernels.linear 784x128 rows=\(rows): 1 thread \(format(single)) us, \(max(2, limit)) threads \(format(split)) us")
    }
}

/// The median over 15 windows of ~20 ms of microseconds per call, after ~0.1 s of warm-up.
private func medianMicroseconds(_ body: () -> Float) -> Double {
    let clock = ContinuousClock()
    var checksum: Float = 0
    let warmUpEnd = clock.now.advanced(by: .milliseconds(100))
    while clock.now < warmUpEnd { checksum += body() }
    var times: [Double] = []
    for _ in 0..<15 {
        var calls = 0
        let start = clock.now
        var elapsed = Duration.zero
        while elapsed < .milliseconds(20) {
            checksum += body()
            calls += 1
            elapsed = start.duration(to: clock.now)
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        times.append(seconds / Double(calls) * 1e6)
    }
    precondition(checksum.isFinite, "benchmarkKernels: non-finite output")
    return times.sorted()[7]
}

/// `12.3` with one decimal.
private func format(_ value: Double) -> String {
    String(Double(Int((value * 10).rounded())) / 10)
}
