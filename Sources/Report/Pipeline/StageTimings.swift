/// Seconds spent in each pipeline stage and each experiment; all zero when timings are not recorded.
public struct StageTimings: Equatable, Sendable {
    /// Whether times were recorded (false with `--no-timings`, so that two runs give identical bytes).
    public var recorded: Bool
    /// Seconds per stage.
    public var stages: [PipelineStage: Double]
    /// Seconds per experiment, by section id.
    public var sections: [String: Double]

    /// Empty timings.
    public init(recorded: Bool, stages: [PipelineStage: Double] = [:], sections: [String: Double] = [:]) {
        self.recorded = recorded
        self.stages = stages
        self.sections = sections
    }

    /// Seconds of a stage (0 if it did not run).
    public subscript(stage: PipelineStage) -> Double {
        get { stages[stage] ?? 0 }
        set { stages[stage] = newValue }
    }

    /// Sum of every stage.
    public var total: Double {
        PipelineStage.allCases.reduce(0) { $0 + self[$1] }
    }
}

/// A monotonic clock reading in seconds.
func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
