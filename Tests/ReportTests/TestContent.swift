import Foundation
import Plotting
import Report

/// Report content made of closures, one per section, for the pipeline's tests.
struct ClosureContent: ReportContent {
    /// Fills in a section; may render figures through the recorder.
    typealias Body = (inout ReportSection, SectionRecorder) throws -> Void

    /// One section: id, title and what fills it in.
    struct Section {
        let id: String
        var title = "T"
        var body: Body = { _, _ in }
    }

    let sections: [Section]
    let title = "Title"
    let introduction = "Introduction"
    /// The sections' ids and titles unless a test announces others.
    var outline: [SectionOutline]

    init(_ sections: [Section]) {
        self.sections = sections
        outline = sections.map { SectionOutline(id: $0.id, title: $0.title) }
    }

    func makeSections(dataset: LoadedDataset, seed: UInt64, recorder: SectionRecorder) throws {
        for section in sections {
            try recorder.section(id: section.id, title: section.title) { try section.body(&$0, recorder) }
        }
    }
}

/// A renderer that draws nothing: its "PNG" is a signature and IHDR chunk of twice the figure's size (all the
/// report reads), after optional delays that stand for drawing and encoding.
struct HeaderOnlyRenderer: FigureRendering {
    /// Microseconds to sleep while "drawing".
    var drawingDelay: UInt32 = 0
    /// Microseconds to sleep while "encoding".
    var encodingDelay: UInt32 = 0

    var scale: Int { 2 }
    var libraryVersions: LibraryVersions { LibraryVersions(cairo: "c", libpng: "p") }

    func draw(_ figure: Figure) throws -> Size {
        usleep(drawingDelay)
        return figure.pixelSize
    }

    func png(_ drawing: Size) throws -> Data {
        usleep(encodingDelay)
        return pngHeaderBytes(width: 2 * Int(drawing.width.rounded()), height: 2 * Int(drawing.height.rounded()))
    }
}
