import Foundation
@testable import Report
import Testing

/// Sections, figures, PNG headers and JSON values.
@Suite struct ModelTests {
    @Test func pngHeaderReadsTheSizeFromIHDR() {
        #expect(PNGHeader(pngHeaderBytes(width: 1200, height: 800)) == PNGHeader(pngHeaderBytes(width: 1200, height: 800)))
        let header = PNGHeader(pngHeaderBytes(width: 1200, height: 800))
        #expect(header?.width == 1200 && header?.height == 800)
        var wrongSignature = pngHeaderBytes(width: 4, height: 4)
        wrongSignature[1] = 0x51
        #expect(PNGHeader(wrongSignature) == nil)
        #expect(PNGHeader(pngHeaderBytes(width: 4, height: 4).prefix(20)) == nil)
        #expect(PNGHeader(Data("GIF89a".utf8)) == nil)
    }

    @Test func figureSizeIsDevicePixelsOverScale() throws {
        let figure = try ReportFigure(fileName: "relu.png", png: pngHeaderBytes(width: 1200, height: 800), caption: "ReLU", altText: "Line chart")
        #expect(figure.width == 600 && figure.height == 400 && figure.scale == 2)
    }

    @Test(arguments: [
        ("../escape.png", 4, 4, "alt", "must be lowercase letters"),
        ("Upper.png", 4, 4, "alt", "must be lowercase letters"),
        ("figure.jpg", 4, 4, "alt", "must be lowercase letters"),
        (".hidden.png", 4, 4, "alt", "must be lowercase letters"),
        ("odd.png", 5, 4, "alt", "is 5x4 px, not a multiple of its scale 2"),
        ("blank.png", 4, 4, "  ", "has no alt text"),
    ])
    func invalidFiguresAreRefused(name: String, width: Int, height: Int, alt: String, message: String) {
        #expect {
            _ = try ReportFigure(fileName: name, png: pngHeaderBytes(width: width, height: height), caption: "", altText: alt)
        } throws: { error in
            (error as? ReportError)?.description.contains(message) == true
        }
    }

    @Test func nonPNGBytesAreRefused() {
        #expect(throws: ReportError.invalidContent("figure 'x.png' is not a PNG (bad signature or IHDR)")) {
            _ = try ReportFigure(fileName: "x.png", png: Data("not a png".utf8), caption: "", altText: "x")
        }
    }

    @Test func sectionKeepsBlocksInOrderAndListsThemByKind() throws {
        var section = ReportSection(id: "softmax", title: "Softmax")
        section.paragraph("one")
        section.output("print(x)", "tensor([1.])")
        section.figure(try ReportFigure(fileName: "a.png", png: pngHeaderBytes(width: 2, height: 2), caption: "c", altText: "a"))
        section.paragraph("two")
        #expect(section.prose == ["one", "two"])
        #expect(section.outputs == [PrintedOutput(label: "print(x)", text: "tensor([1.])")])
        #expect(section.figures.map(\.fileName) == ["a.png"])
        guard case .paragraph("two") = section.blocks[3] else { Issue.record("blocks out of order: \(section.blocks)"); return }
    }

    @Test(arguments: [("softmax-by-hand", true), ("relu2", true), ("Softmax", false), ("2relu", false), ("a--b", false),
                      ("trailing-", false), ("with space", false), ("", false), ("a_b", false)])
    func anchors(id: String, valid: Bool) {
        #expect(ReportSection.isValidAnchor(id) == valid)
    }

    @Test func floatsEncodeAsTheirShortestDecimal() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let value: JSONValue = ["p": .float(0.1), "sums": .floats([1, 0.99999994]), "shape": .ints([64, 10]), "nan": .float(.nan), "ok": true, "none": nil]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        #expect(text == #"{"nan":"nan","none":null,"ok":true,"p":0.1,"shape":[64,10],"sums":[1,0.99999994]}"#)
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) == ["nan": "nan", "none": nil, "ok": true, "p": 0.1, "shape": [64, 10], "sums": [1, 0.99999994]])
    }

    @Test func datasetDigestIsSha256sumOfTheSha256sumListing() {
        let info = Reproducibility(seed: 1, datasetName: "x", datasetFiles: [
            DatasetFileRecord(name: "a", bytes: 1, records: 1, sha256: String(repeating: "0", count: 64)),
        ], libraries: LibraryVersions(cairo: "1", libpng: "2"))
        // printf '%064d  a\n' 0 | sha256sum
        #expect(info.datasetDigest == "53d743f33b897204dd8c5442651c6bb773fd59ebb101222fe2fcf900b26e4bef")
    }

    @Test func durations() {
        #expect(DurationFormat.string(0.01234) == "12.3 ms")
        #expect(DurationFormat.string(1.234) == "1.23 s")
        #expect(DurationFormat.rounded(0.123456789) == 0.123457)
    }
}
