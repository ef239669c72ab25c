import CBLAS

/// The number of threads OpenBLAS uses for matrix products (process-wide, like `torch.set_num_threads`).
///
/// OpenBLAS starts with one thread per core. On a machine shared with other busy processes a
/// single thread is often faster, because its worker threads spin while they wait for a core.
public enum BLASThreads {
    /// The current thread count.
    public static var count: Int {
        Int(openblas_get_num_threads())
    }

    /// Sets the thread count for all later products; `count` must be at least 1.
    public static func set(_ count: Int) {
        precondition(count >= 1, "BLASThreads.set: thread count \(count) must be at least 1")
        openblas_set_num_threads(Int32(count))
    }
}
