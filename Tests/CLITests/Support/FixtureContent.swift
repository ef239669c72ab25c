import Datasets
import Foundation
import Report

/// Report content for the end-to-end tests: three sections of fixed content with figures, independent of the notebook.
struct FixtureContent: ReportContent {
    /// The fixture ids, in page order.
    static let sectionIDs = ["checkerboard", "printout", "escaping"]

    /// A title with markup that must be escaped.
    static let hostileTitle = "Escaping <script>alert(\"x\")</script> & friends"

    let title = "Neural networks in PyTorch, run in Swift"
    let introduction = "Fixture sections for the end-to-end tests."
    let outline = [
        SectionOutline(id: "checkerboard", title: "A checkerboard"),
        SectionOutline(id: "printout", title: "Printed outputs"),
        SectionOutline(id: "escaping", title: hostileTitle),
    ]

    func makeSections(dataset: LoadedDataset, seed: UInt64, recorder: SectionRecorder) throws {
        try recorder.section(id: outline[0].id, title: outline[0].title) { try Self.checkerboard(&$0, seed: seed) }
        try recorder.section(id: outline[1].id, title: outline[1].title, Self.printout)
        try recorder.section(id: outline[2].id, title: outline[2].title, Self.escaping)
    }

    /// Two figures at 2x: a checkerboard whose shade depends on the seed, and a gradient strip.
    private static func checkerboard(_ section: inout ReportSection, seed: UInt64) throws {
        section.paragraph("A 28 by 28 checkerboard drawn at twice its size, so that each square stays crisp.")
        let shade = UInt8(truncatingIfNeeded: 64 + (seed % 128))
        let png = try TestPNG.encode(width: 56, height: 56) { x, y in ((x / 8 + y / 8) % 2 == 0) ? (255, 255, 255) : (shade, shade, shade) }
        section.figure(try ReportFigure(fileName: "checkerboard.png", png: png, caption: "A checkerboard of 7 by 7 squares.",
                                        altText: "Checkerboard of white and grey squares, grey level \(shade)"))
        let strip = try TestPNG.encode(width: 200, height: 40) { x, _ in (UInt8(x * 255 / 199), 80, 160) }
        section.figure(try ReportFigure(fileName: "gradient.png", png: strip, caption: "A gradient from blue to pink.",
                                        altText: "Horizontal colour gradient, 100 by 20 CSS pixels"))
        section.results = ["shade": .int(Int(shade)), "squares": .ints([7, 7])]
    }

    /// Printed outputs, including a long line that must scroll and a tensor-like printout.
    private static func printout(_ section: inout ReportSection) {
        let sums = [Float](repeating: 1, count: 10)
        let printed = "tensor([" + sums.map { _ in "1.0000" }.joined(separator: ", ") + "])"
        section.output("probabilities.sum(dim=1)", printed)
        section.paragraph("Every row sums to one.")
        section.output("print(model)", "Network(\n  (hidden): Linear(in_features=784, out_features=256, bias=True)\n)")
        section.results = ["sums": .floats(sums), "shape": .ints([64, 10]), "argmax": .int(7), "probability": .float(0.1)]
    }

    /// Dynamic text with HTML metacharacters everywhere: title, prose, output, caption, alt text.
    private static func escaping(_ section: inout ReportSection) throws {
        section.paragraph("Less-than < and greater-than > and ampersand & and \"quotes\" and 'apostrophes' stay text.")
        section.output("print(\"<b>\")", "<b>not bold</b> & <img src=x onerror=alert(1)>")
        let png = try TestPNG.encode(width: 20, height: 20) { _, _ in (200, 30, 30) }
        section.figure(try ReportFigure(fileName: "red-square.png", png: png, caption: "Caption with <em>markup</em>",
                                        altText: "Red square \"quoted\" <alt>"))
    }
}
