import Foundation
@testable import Report

/// The signature and IHDR chunk of a `width`x`height` RGB PNG (all `PNGHeader` and `ReportFigure` read).
func pngHeaderBytes(width: Int, height: Int) -> Data {
    func bigEndian(_ value: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }
    let ihdr: [UInt8] = bigEndian(13) + Array("IHDR".utf8) + bigEndian(width) + bigEndian(height) + [8, 2, 0, 0, 0] + [0, 0, 0, 0]
    return Data(PNGHeader.signature + ihdr)
}

/// A fresh temporary folder.
func makeTemporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnreport-reporttests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Names inside a folder, sorted.
func entries(_ url: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
}
