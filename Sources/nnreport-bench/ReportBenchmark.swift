import Foundation
import NNReportCLI
import Report
#if canImport(Glibc)
import Glibc
#endif

/// Prints the time of each stage of `nnreport generate` with the notebook's ten experiments (embedded sample,
/// seed 1; median of several in-process runs after a warm-up), then the wall time and peak resident set size of
/// whole `nnreport generate` processes, measured from outside (`/usr/bin/time -f %M`), against the issue's goals.
func benchmarkReport() async {
    // A child started by `measureProcess` when no `nnreport` binary is available: one pipeline run, then exit.
    if let output = ProcessInfo.processInfo.environment[ReportBenchmark.childOutputVariable] {
        exit(await ReportBenchmark.runOnce(output: URL(fileURLWithPath: output, isDirectory: true)) ? 0 : 1)
    }
    await ReportBenchmark().run()
}

/// The report benchmark's measurements and printing.
private struct ReportBenchmark {
    /// In-process runs measured (after one warm-up run).
    let runs = 10
    /// Whole-process runs measured.
    let processRuns = 5
    /// The issue's goals: under 1/25 of the Python run's 5.5 s, under 1/8 of its 420 MiB.
    static let goalMilliseconds = 5500.0 / 25
    static let goalMebibytes = 420.0 / 8
    /// Set in a child's environment to make it run one report into that folder.
    static let childOutputVariable = "NNREPORT_BENCH_CHILD_OUTPUT"

    func run() async {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnreport-bench-\(getpid())", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            print("report: cannot create \(folder.path): \(error)")
            return
        }
        guard let inProcess = await measureInProcess(output: folder.appendingPathComponent("output", isDirectory: true)) else { return }
        let processes = measureProcesses(output: folder.appendingPathComponent("process-output", isDirectory: true))
        printGoals(inProcessTotal: inProcess, processes: processes)
        measureFashionMNISTLoad()
    }

    // MARK: - In process

    /// Runs the pipeline `runs` times after a warm-up and prints per-stage and per-experiment medians; returns the total's median.
    private func measureInProcess(output: URL) async -> Double? {
        var samples: [[PipelineStage: Double]] = []
        var sectionSamples: [String: [Double]] = [:]
        var totals: [Double] = []
        var titles: [(id: String, title: String)] = []
        var files = 0
        for index in 0...runs {
            let pipeline = ReportPipeline.notebook(ReportConfiguration(output: output))
            let start = monotonicNow()
            switch await Result(catching: { try await pipeline.run() }) {
            case let .success(outcome):
                let elapsed = monotonicNow() - start
                guard index > 0 else { continue }  // the warm-up run pays for first-touch costs (fonts, page faults)
                totals.append(elapsed)
                samples.append(outcome.timings.stages)
                for (id, seconds) in outcome.timings.sections { sectionSamples[id, default: []].append(seconds) }
                titles = outcome.report.sections.map { ($0.id, $0.title) }
                files = outcome.files.count
            case let .failure(error):
                print("report: nnreport generate failed: \(oneLineDescription(of: error))")
                return nil
            }
        }
        print("report: nnreport generate in process (ReportPipeline), mnist-sample, seed 1, \(titles.count) experiments, "
            + "\(files) files; median of \(runs) runs after 1 warm-up")
        for stage in PipelineStage.allCases {
            print("  \(pad(stage.rawValue, 22)) \(milliseconds(median(samples.map { $0[stage] ?? 0 })))")
        }
        let total = median(totals)
        print("  \(pad("total (wall clock)", 22)) \(milliseconds(total))  (sum of stage medians \(milliseconds(PipelineStage.allCases.reduce(0) { sum, stage in sum + median(samples.map { $0[stage] ?? 0 }) })))")
        print("  per experiment (drawing and encoding included):")
        for (id, title) in titles {
            print("    \(pad(id, 22)) \(milliseconds(median(sectionSamples[id] ?? [])))  \(title)")
        }
        return total
    }

    // MARK: - Whole processes

    /// One whole-process run: wall time and peak RSS.
    struct ProcessSample {
        let seconds: Double
        let peakKiB: Int
    }

    /// Runs `nnreport generate` as a child `processRuns` times and prints wall time and peak RSS.
    private func measureProcesses(output: URL) -> [ProcessSample] {
        let (executable, arguments, environment, what) = childCommand(output: output)
        var samples: [ProcessSample] = []
        for _ in 0..<processRuns {
            switch spawnAndWait(executable, arguments, environment: environment) {
            case let .success(sample): samples.append(sample)
            case let .failure(message):
                print("  whole process: \(message)")
                return []
            }
        }
        let peaks = samples.map(\.peakKiB)
        let probe = FileManager.default.isExecutableFile(atPath: Self.timeTool) ? "\(Self.timeTool) -f %M" : "the child's VmHWM, polled"
        print("report: whole process, \(what); \(processRuns) runs, peak RSS from \(probe)")
        print("  \(pad("wall clock", 22)) \(milliseconds(median(samples.map(\.seconds))))  (median; first run \(milliseconds(samples[0].seconds)))")
        print("  \(pad("peak RSS", 22)) \(String(format: "%9.1f MiB", Double(median(peaks.map(Double.init))) / 1024))  (median; max \(String(format: "%.1f", Double(peaks.max() ?? 0) / 1024)) MiB)")
        return samples
    }

    /// The real `nnreport` beside this executable if it was built, otherwise this benchmark re-run as a one-report child.
    private func childCommand(output: URL) -> (String, [String], [String: String], String) {
        let here = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let sibling = URL(fileURLWithPath: here).deletingLastPathComponent().appendingPathComponent("nnreport").path
        var environment = ProcessInfo.processInfo.environment
        if FileManager.default.isExecutableFile(atPath: sibling) {
            return (sibling, ["generate", "--output", output.path, "--quiet"], environment, "\(sibling) generate --quiet")
        }
        environment[Self.childOutputVariable] = output.path
        return (here, ["report"], environment,
                "nnreport-bench as a one-report child (no \(sibling): build it with swift build -c release --product nnreport)")
    }

    /// GNU time, whose `%M` is the peak RSS of the process it forks from its own small image.
    static let timeTool = "/usr/bin/time"

    /// Runs `executable` once and measures its wall time and peak RSS.
    ///
    /// The peak cannot come from our own `wait4`: posix_spawn's child shares our memory until `exec`, and Linux
    /// folds that memory's high-water mark into the child's `ru_maxrss` (a 200 MiB parent makes `nnreport --version`
    /// report 213 MiB). So the child is started through `/usr/bin/time -f %M`, which forks it from a small process;
    /// without that tool, the child's own `VmHWM` (/proc/<pid>/status, which starts afresh at `exec`) is polled until it exits.
    private func spawnAndWait(_ executable: String, _ arguments: [String], environment: [String: String]) -> Result<ProcessSample, Failure> {
        let useTime = FileManager.default.isExecutableFile(atPath: Self.timeTool)
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("nnreport-bench-time-\(getpid()).txt").path
        defer { if useTime { unlink(report) } }
        let command = useTime ? [Self.timeTool, "-f", "%M", "-o", report, executable] + arguments : [executable] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0)=\($1)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let start = monotonicNow()
        let spawned = posix_spawn(&pid, command[0], &actions, nil, &argv, &envp)
        guard spawned == 0 else { return .failure(Failure("cannot start \(command[0]): \(String(cString: strerror(spawned)))")) }
        var status: Int32 = 0
        var polledKiB = 0
        while true {
            let waited = waitpid(pid, &status, useTime ? 0 : WNOHANG)
            if waited == pid { break }
            if waited < 0 {
                guard errno == EINTR else { return .failure(Failure("waitpid: \(String(cString: strerror(errno)))")) }
                continue
            }
            polledKiB = max(polledKiB, Self.highWaterMarkKiB(of: pid) ?? 0)
            usleep(500)
        }
        let seconds = monotonicNow() - start
        // WIFEXITED and WEXITSTATUS are macros: the low 7 bits are the signal, the next 8 the exit status.
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            return .failure(Failure("\(command.joined(separator: " ")) failed (wait status \(status))"))
        }
        guard useTime else { return .success(ProcessSample(seconds: seconds, peakKiB: polledKiB)) }
        let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
        guard let kib = text.split(whereSeparator: \.isNewline).last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            return .failure(Failure("\(Self.timeTool) wrote no peak RSS to \(report): \(text.prefix(200))"))
        }
        return .success(ProcessSample(seconds: seconds, peakKiB: kib))
    }

    /// `VmHWM` of a live process in KiB, from /proc/<pid>/status.
    private static func highWaterMarkKiB(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
    }

    /// A failure message.
    struct Failure: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    // MARK: - Goals

    /// Prints the issue's goals against what was measured.
    private func printGoals(inProcessTotal: Double, processes: [ProcessSample]) {
        print("report: goals (Python: PyTorch + matplotlib + Jinja2, about 5.5 s and 420 MiB here)")
        let processMilliseconds = processes.isEmpty ? nil : median(processes.map(\.seconds)) * 1000
        let time = processMilliseconds ?? inProcessTotal * 1000
        let timeSource = processMilliseconds == nil ? "in-process total" : "whole process"
        print(String(format: "  time   %8.1f ms (%@) vs goal < %.0f ms: %@ (%.0fx faster than Python)",
                     time, timeSource, Self.goalMilliseconds, time < Self.goalMilliseconds ? "met" : "MISSED", 5500 / time))
        if let peak = processes.map(\.peakKiB).max() {
            let mebibytes = Double(peak) / 1024
            print(String(format: "  memory %8.1f MiB (largest peak RSS) vs goal < %.1f MiB: %@ (%.1fx less than Python)",
                         mebibytes, Self.goalMebibytes, mebibytes < Self.goalMebibytes ? "met" : "MISSED", 420 / mebibytes))
        } else {
            print("  memory not measured (no whole-process run)")
        }
    }

    // MARK: - Fashion-MNIST

    /// The load step of the full Fashion-MNIST dataset, when Debian's package is installed.
    private func measureFashionMNISTLoad() {
        guard FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist") else { return }
        let start = monotonicNow()
        switch Result(catching: { try DatasetFilesLoader.load(kind: .fashionMNIST, dataDirectory: nil) }) {
        case let .success(dataset):
            let megabytes = Double(dataset.files.reduce(0) { $0 + $1.bytes }) / 1_048_576
            print(String(format: "  load of fashion-mnist (%.1f MiB read, decoded, validated and hashed): %.1f ms",
                         megabytes, (monotonicNow() - start) * 1000))
        case let .failure(error):
            print("  load of fashion-mnist failed: \(oneLineDescription(of: error))")
        }
    }

    // MARK: - Child mode

    /// Runs the notebook report once into `output` (what `nnreport generate --quiet` does); true on success.
    static func runOnce(output: URL) async -> Bool {
        let pipeline = ReportPipeline.notebook(ReportConfiguration(output: output))
        switch await Result(catching: { try await pipeline.run() }) {
        case .success: return true
        case let .failure(error):
            FileHandle.standardError.write(Data("nnreport-bench: \(oneLineDescription(of: error))\n".utf8))
            return false
        }
    }
}

// MARK: - Helpers

/// The median of a list (0 when empty).
private func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Seconds as a right-aligned millisecond figure.
private func milliseconds(_ seconds: Double) -> String {
    String(format: "%9.3f ms", seconds * 1000)
}

/// `text` padded with spaces to `width`.
private func pad(_ text: String, _ width: Int) -> String {
    text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
}

/// A monotonic clock reading in seconds.
private func monotonicNow() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

extension Result where Failure == Error {
    /// The value `body` returns, or the error it throws.
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
