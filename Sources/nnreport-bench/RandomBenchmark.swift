import Foundation
import NN

/// Prints the time PyTorch's generator takes for the notebook's draws (median of 51 runs each).
///
/// normal_ of 100,352 values (a 784×128 weight) should take well under 5 ms; PyTorch itself takes
/// about 0.5 ms here. The C transforms run their AVX2+FMA code when the CPU has it.
func benchmarkRandom() {
    let generator = TorchGenerator(seed: 0)
    var tensor = Tensor.zeros([100_352])
    let cases: [(String, () -> Float)] = [
        ("normal_ 100352", { tensor.normal_(generator: generator); return tensor.storage[0] }),
        ("uniform_ 100352", { tensor.uniform_(from: -0.5, to: 0.5, generator: generator); return tensor.storage[0] }),
        ("randn 15 (Double path)", { Tensor.randn([15], generator: generator).storage[0] }),
        ("randperm 60000", { Float(generator.randperm(60_000)[0]) }),
        ("nn.Linear(784, 128) init", { Linear(784, 128, generator: generator).weight.data.storage[0] }),
    ]
    let clock = ContinuousClock()
    var checksum: Float = 0
    for (label, run) in cases {
        var times: [Double] = []
        for _ in 0..<51 {
            let start = clock.now
            checksum += run()
            let elapsed = start.duration(to: clock.now)
            times.append(Double(elapsed.components.attoseconds) * 1e-15 + Double(elapsed.components.seconds) * 1e3)
        }
        times.sort()
        print("rng.\(label): \(String(format: "%.3f", times[times.count / 2])) ms")
    }
    precondition(checksum.isFinite, "benchmarkRandom: non-finite draw")
}
