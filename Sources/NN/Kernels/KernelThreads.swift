import CKernels
import Foundation
import Synchronization

/// How many threads a matrix product may use (process-wide, like `torch.set_num_threads`).
///
/// Products too small to gain from a second thread run on the calling thread alone (see
/// `MatrixProduct.threads(rows:columns:inner:)`). Starts from `NNREPORT_THREADS` if set, else one
/// per available core.
public enum KernelThreads {
    /// The current limit.
    public static var count: Int {
        limit.withLock { $0 }
    }

    /// Sets the limit for later products; `count` must be at least 1.
    public static func set(_ count: Int) {
        precondition(count >= 1, "KernelThreads.set: thread count \(count) must be at least 1")
        limit.withLock { $0 = count }
        nnr_openblas_set_threads(Int32(count))
    }

    /// Products with fewer multiply-adds than this run on the calling thread alone.
    ///
    /// Waking a second thread costs several microseconds, and a thread that cannot get a core on a
    /// loaded machine costs more. `nnreport-bench kernels` measures both sides of the threshold:
    /// on the 2-core AMD EPYC (AVX2) machines of this project, two threads win from about 16 rows
    /// of a 784x128 product (1.6 million multiply-adds).
    public static var parallelThreshold: Int {
        get { threshold.withLock { $0 } }
        set { threshold.withLock { $0 = newValue } }
    }

    private static let threshold = Mutex<Int>(1 << 21)

    /// The starting limit: `NNREPORT_THREADS` when it is a positive number, else the available cores.
    static func initial(environment: [String: String], cores: Int) -> Int {
        if let text = environment["NNREPORT_THREADS"], let value = Int(text), value >= 1 { return value }
        return max(1, cores)
    }

    private static let limit = Mutex<Int>(
        initial(environment: ProcessInfo.processInfo.environment, cores: ProcessInfo.processInfo.activeProcessorCount))
}
