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

    /// The starting limit: `NNREPORT_THREADS` when it is a positive number, else the available cores.
    static func initial(environment: [String: String], cores: Int) -> Int {
        if let text = environment["NNREPORT_THREADS"], let value = Int(text), value >= 1 { return value }
        return max(1, cores)
    }

    private static let limit = Mutex<Int>(
        initial(environment: ProcessInfo.processInfo.environment, cores: ProcessInfo.processInfo.activeProcessorCount))
}
