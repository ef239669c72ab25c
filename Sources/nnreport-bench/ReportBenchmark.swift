import Foundation
import Report

/// Prints the time of each stage of `nnreport generate` (embedded sample, seed 1, the registry's experiments;
/// median of several runs into a temporary folder) and the process's peak resident set size.
func benchmarkReport() {
    let runs = 7
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnreport-bench-\(getpid())", isDirectory: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
        print("report: cannot create \(folder.path): \(error)")
        return
    }
    var samples: [[PipelineStage: Double]] = []
    var totals: [Double] = []
    var sections = 0, files = 0
    for _ in 0..<runs {
        let configuration = ReportConfiguration(output: folder.appendingPathComponent("output", isDirectory: true))
        let pipeline = ReportPipeline(configuration: configuration,
                                      experiments: ExperimentRegistry.notebook(dataset: configuration.dataset, seed: configuration.seed))
        let start = Date()
        switch runBlocking({ try await pipeline.run() }) {
        case let .success(outcome):
            totals.append(Date().timeIntervalSince(start))
            samples.append(outcome.timings.stages)
            sections = outcome.report.sections.count
            files = outcome.files.count
        case let .failure(error):
            print("report: nnreport generate failed: \(oneLineDescription(of: error))")
            return
        }
    }
    print("report: nnreport generate, mnist-sample, seed 1, \(sections) sections, \(files) files; median of \(runs) runs")
    for stage in PipelineStage.allCases {
        let median = medianOf(samples.map { $0[stage] ?? 0 })
        print("  \(stage.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(String(format: "%9.3f ms", median * 1000))")
    }
    print("  \("total".padding(toLength: 12, withPad: " ", startingAt: 0)) \(String(format: "%9.3f ms", medianOf(totals) * 1000)) (wall clock, whole pipeline)")
    if FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist") {
        let start = Date()
        switch Result(catching: { try DatasetFilesLoader.load(kind: .fashionMNIST, dataDirectory: nil) }) {
        case let .success(dataset):
            let megabytes = Double(dataset.files.reduce(0) { $0 + $1.bytes }) / 1_048_576
            print(String(format: "  load of fashion-mnist (%.1f MiB read, decoded, validated and hashed): %.1f ms", megabytes, Date().timeIntervalSince(start) * 1000))
        case let .failure(error):
            print("  load of fashion-mnist failed: \(oneLineDescription(of: error))")
        }
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)  // Glibc imports RUSAGE_SELF as an enum case
    print(String(format: "  peak RSS     %9.1f MiB (getrusage ru_maxrss, whole benchmark process)", Double(usage.ru_maxrss) / 1024))
}

/// The median of a non-empty list.
private func medianOf(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// Runs an async throwing closure to completion from synchronous code.
private func runBlocking<T>(_ body: @escaping () async throws -> T) -> Result<T, Error> {
    let done = DispatchSemaphore(value: 0)
    var result: Result<T, Error>!
    Task {
        do { result = .success(try await body()) } catch { result = .failure(error) }
        done.signal()
    }
    done.wait()
    return result
}
