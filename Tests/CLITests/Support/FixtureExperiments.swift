import Datasets
import Foundation
import Report

/// Experiments for the end-to-end tests: fixed content with figures, independent of the notebook's experiments.
enum Fixtures {
    /// The fixture experiments, in page order.
    static func experiments(dataset: DatasetKind, seed: UInt64) -> [any Experiment] {
        [CheckerboardExperiment(seed: seed), PrintoutExperiment(), EscapingExperiment()]
    }

    /// The fixture ids, in page order.
    static let sectionIDs = ["checkerboard", "printout", "escaping"]

    /// A title with markup that must be escaped.
    static let hostileTitle = "Escaping <script>alert(\"x\")</script> & friends"
}

/// Two figures at 2x: a checkerboard whose shade depends on the seed, and a gradient strip.
struct CheckerboardExperiment: Experiment {
    let id = "checkerboard"
    let title = "A checkerboard"
    let seed: UInt64

    func run(in context: ExperimentContext) throws -> ReportSection {
        var section = makeSection()
        section.paragraph("A 28 by 28 checkerboard drawn at twice its size, so that each square stays crisp.")
        let shade = UInt8(truncatingIfNeeded: 64 + (seed % 128))
        let board = context.timed(.figures) {
            { (x: Int, y: Int) -> (UInt8, UInt8, UInt8) in ((x / 8 + y / 8) % 2 == 0) ? (255, 255, 255) : (shade, shade, shade) }
        }
        let png = try context.timed(.encoding) { try TestPNG.encode(width: 56, height: 56, pixel: board) }
        section.figure(try ReportFigure(fileName: "checkerboard.png", png: png, caption: "A checkerboard of 7 by 7 squares.",
                                        altText: "Checkerboard of white and grey squares, grey level \(shade)"))
        let strip = try TestPNG.encode(width: 200, height: 40) { x, _ in (UInt8(x * 255 / 199), 80, 160) }
        section.figure(try ReportFigure(fileName: "gradient.png", png: strip, caption: "A gradient from blue to pink.",
                                        altText: "Horizontal colour gradient, 100 by 20 CSS pixels"))
        section.results = ["shade": .int(Int(shade)), "squares": .ints([7, 7])]
        return section
    }
}

/// Printed outputs, including a long line that must scroll and a tensor-like printout.
struct PrintoutExperiment: Experiment {
    let id = "printout"
    let title = "Printed outputs"

    func run(in context: ExperimentContext) throws -> ReportSection {
        var section = makeSection()
        let sums = [Float](repeating: 1, count: 10)
        let printed = "tensor([" + sums.map { _ in "1.0000" }.joined(separator: ", ") + "])"
        section.output("probabilities.sum(dim=1)", printed)
        section.paragraph("Every row sums to one.")
        section.output("print(model)", "Network(\n  (hidden): Linear(in_features=784, out_features=256, bias=True)\n)")
        section.results = ["sums": .floats(sums), "shape": .ints([64, 10]), "argmax": .int(7), "probability": .float(0.1)]
        return section
    }
}

/// Dynamic text with HTML metacharacters everywhere: title, prose, output, caption, alt text, table.
struct EscapingExperiment: Experiment {
    let id = "escaping"
    let title = Fixtures.hostileTitle

    func run(in context: ExperimentContext) throws -> ReportSection {
        var section = makeSection()
        section.paragraph("Less-than < and greater-than > and ampersand & and \"quotes\" and 'apostrophes' stay text.")
        section.output("print(\"<b>\")", "<b>not bold</b> & <img src=x onerror=alert(1)>")
        section.table(ReportTable(caption: "A <table> caption", header: ["<th>", "value"], rows: [["a & b", "<1>"]]))
        let png = try TestPNG.encode(width: 20, height: 20) { _, _ in (200, 30, 30) }
        section.figure(try ReportFigure(fileName: "red-square.png", png: png, caption: "Caption with <em>markup</em>",
                                        altText: "Red square \"quoted\" <alt>"))
        return section
    }
}
