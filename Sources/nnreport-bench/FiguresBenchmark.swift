import CairoBackend
import Datasets
import Foundation
import Notebook
import Plotting

/// Prints the Figures benchmark: for each of the lesson's four figures (and the Fashion-MNIST variant of the
/// classification figure), the median time to build and render it at 2x, to encode the 2x PNG, and both
/// together, with the PNG and SVG sizes; then the PNG settings on one figure.
///
/// Inputs are the golden tests' (`Tests/CairoBackendTests/Goldens/fixtures`): MNIST training record 11 of the
/// embedded sample (a 7), fixed class probabilities and float32 softmax sums a few ulps from 1.
/// `scripts/bench_matplotlib.py` draws the same figures with matplotlib + seaborn and prints the same lines.
func benchmarkFigures() {
    do {
        try FiguresBenchmark.run()
    } catch {
        print("figures: failed: \(error)")
    }
}

/// The measurements behind `benchmarkFigures()`.
enum FiguresBenchmark {
    /// Runs per median: enough for a stable median on 2 shared cores, short enough for a quick run.
    static let runs = 21

    /// One figure to measure: a name and how to build it from its data.
    struct Case {
        let name: String
        let build: () throws -> Figure
    }

    // MARK: - Inputs (the golden tests' fixtures)

    /// Class probabilities of a partly trained network for the 7.
    static let digitProbabilities: [Float] = [0.01, 0.02, 0.05, 0.08, 0.01, 0.03, 0.01, 0.62, 0.04, 0.13]

    /// Probabilities for a Fashion-MNIST ankle boot.
    static let fashionProbabilities: [Float] = [0.004, 0.001, 0.003, 0.002, 0.004, 0.07, 0.006, 0.18, 0.02, 0.71]

    /// 64 float32 row sums: 1 and its neighbours, offsets in units in the last place.
    /// (The same inputs as the golden tests' NotebookFixtures, so the bench times the figures the goldens guard.)
    static let softmaxSums: [Float] = {
        let ulps: [Int32] = [
            0, 0, -1, 0, 1, 0, 0, -1, 0, 0, 0, 1, -1, 0, 0, 0,
            0, 1, 0, 0, -2, 0, 0, 0, 1, 0, -1, 0, 0, 0, 0, 1,
            0, 0, -1, 0, 0, 2, 0, 0, 0, -1, 0, 0, 1, 0, 0, 0,
            -1, 0, 0, 0, 0, 1, 0, -1, 0, 0, 0, 0, 1, 0, 0, -1,
        ]
        return ulps.map { Float(bitPattern: UInt32(Int32(bitPattern: Float(1).bitPattern) + $0)) }
    }()

    /// The four figures plus the Fashion-MNIST classification figure.
    static func cases() throws -> [Case] {
        let sample = try MNISTDataset(.mnistSample, split: .train)
        let digit = Array(sample.pixels(at: 11)).map { Compose.mnist($0) }  // a 7, normalised to [-1, 1]
        var cases = [
            Case(name: "digit") { try digitFigure(pixels: digit, label: "7").figure },
            Case(name: "activations") { try activationFigure().figure },
            Case(name: "softmax-sums") { try softmaxSumsFigure(sums: softmaxSums).figure },
            Case(name: "classification") { try classificationFigure(pixels: digit, probabilities: digitProbabilities).figure },
        ]
        if DatasetSource.isFashionMNISTInstalled {
            let fashion = try MNISTDataset(.fashionMNIST(directory: nil), split: .test)
            let boot = Array(fashion.pixels(at: 0)).map { Compose.mnist($0) }
            cases.append(Case(name: "classification-fashion") {
                try classificationFigure(pixels: boot, probabilities: fashionProbabilities, classNames: DatasetKind.fashionMNISTClassNames).figure
            })
        }
        return cases
    }

    // MARK: - Measurement

    static func run() throws {
        print("figures: medians of \(runs) runs (wall, and this thread's CPU time); 2x PNG with PNGEncoder.Settings.figures (\(PNGEncoder.Settings.figures))")
        for figureCase in try cases() {
            try measure(figureCase)
        }
        try comparePNGSettings(try cases()[3])
    }

    /// Prints one figure's line: build + render, encode, both, PNG and SVG sizes.
    static func measure(_ figureCase: Case) throws {
        let renderMS = try median(runs) {
            _ = try FigureRenderer.drawnCanvas(figureCase.build())
        }
        let canvas = try FigureRenderer.drawnCanvas(figureCase.build())
        var png: [UInt8] = []
        let encodeMS = try median(runs) { png = try canvas.pngData() }
        var rendered: FigureRenderer.RenderedPNG?
        let totalMS = try median(runs) { rendered = try FigureRenderer.png(figureCase.build()) }
        precondition(rendered?.bytes == png, "render + encode must give the same bytes as the parts")
        var svg: [UInt8] = []
        let svgMS = try median(runs) { svg = try FigureRenderer.svg(figureCase.build()) }
        print("figures.\(figureCase.name) \(canvas.pixelWidth)x\(canvas.pixelHeight) px: "
            + "build+render \(renderMS.text), encode PNG \(encodeMS.text), "
            + "build+render+encode \(totalMS.text); PNG \(png.count) bytes; "
            + "SVG \(svg.count) bytes (build+write \(svgMS.text))")
    }

    /// PNG time and size of one figure for libpng's default and a few fast settings, to show why `figures` is chosen.
    static func comparePNGSettings(_ figureCase: Case) throws {
        let canvas = try FigureRenderer.drawnCanvas(figureCase.build())
        let settings: [PNGEncoder.Settings] = [
            .libpngDefault, .compact, .figures, .zlibFast,
            .init(compressionLevel: 1, filter: .sub, strategy: .filtered),
            .init(compressionLevel: 1, filter: .paeth, strategy: .filtered),
            .init(compressionLevel: 1, filter: .none, strategy: .default),
            .init(compressionLevel: 1, filter: .none, strategy: .rle),
            .init(compressionLevel: 1, filter: .up, strategy: .rle),
            .init(compressionLevel: 1, filter: .up, strategy: .huffmanOnly),
        ]
        print("figures: PNG settings on \(figureCase.name) (\(canvas.pixelWidth)x\(canvas.pixelHeight)):")
        for setting in settings {
            var bytes: [UInt8] = []
            let ms = try median(runs) { bytes = try canvas.pngData(settings: setting) }
            let mark = setting == .figures ? "  <- figures" : setting == .compact ? "  <- compact" : setting == .zlibFast ? "  <- zlibFast" : ""
            print("  \(setting.description.padding(toLength: 26, withPad: " ", startingAt: 0)) "
                + "\(format(ms.wall).leftPadded(6)) ms (CPU \(format(ms.cpu).leftPadded(6))) \(String(bytes.count).leftPadded(8)) bytes\(mark)")
        }
    }

    /// Wall and CPU milliseconds of one measured step (medians over the runs, each taken separately).
    struct Timing {
        /// Median wall-clock time.
        let wall: Double
        /// Median CPU time of this thread: what the step costs when the shared machine's other jobs
        /// stretch wall time.
        let cpu: Double

        /// e.g. `12.34 ms (CPU 10.20)`.
        var text: String { "\(format(wall)) ms (CPU \(format(cpu)))" }
    }

    /// The median wall and thread CPU time of `runs` runs of `body`, in milliseconds, after one warm-up run.
    static func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Timing {
        try body()
        var walls: [Double] = [], cpus: [Double] = []
        for _ in 0..<runs {
            let cpuStart = threadCPUNanoseconds()
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            walls.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            cpus.append(Double(threadCPUNanoseconds() - cpuStart) / 1e6)
        }
        return Timing(wall: walls.sorted()[runs / 2], cpu: cpus.sorted()[runs / 2])
    }

    /// CPU time this thread has used, in nanoseconds.
    static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    static func format(_ ms: Double) -> String { String(format: "%.2f", ms) }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
