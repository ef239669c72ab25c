import Synchronization

/// The time spent in matrix products, for benchmarks that report their share of a workload.
///
/// Off unless a `measure` scope runs; products then add their wall time to the scope's total
/// (products running inside other threads' scopes count too: the total is process-wide).
public enum ProductTimer {
    /// Runs `body` and returns its result with the time that matrix products took during it.
    public static func measure<Result>(_ body: () throws -> Result) rethrows -> (result: Result, products: Duration) {
        scopes.add(1, ordering: .relaxed)
        let start = nanoseconds.load(ordering: .relaxed)
        defer { scopes.subtract(1, ordering: .relaxed) }
        let result = try body()
        return (result, .nanoseconds(nanoseconds.load(ordering: .relaxed) - start))
    }

    /// Runs one product, timing it when a `measure` scope is open.
    @inline(__always)
    static func timed(_ product: () -> Void) {
        guard scopes.load(ordering: .relaxed) > 0 else { return product() }
        let clock = ContinuousClock()
        let start = clock.now
        product()
        let elapsed = start.duration(to: clock.now).components
        nanoseconds.add(Int(elapsed.seconds) * 1_000_000_000 + Int(elapsed.attoseconds / 1_000_000_000), ordering: .relaxed)
    }

    /// How many `measure` scopes are open.
    private static let scopes = Atomic<Int>(0)
    /// The products' total time since the process started, while measured.
    private static let nanoseconds = Atomic<Int>(0)
}
