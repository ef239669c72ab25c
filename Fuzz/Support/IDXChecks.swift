import Datasets
import Foundation

/// The checks shared by the raw and gzip IDX harnesses.
public enum IDXChecks {
    /// Decodes `data` as an images file and as a labels file; what decodes must hold exactly what its header declares.
    public static func decode(_ data: Data) {
        do {
            let images = try IDXReader.decodeImages(data, fileName: FuzzCheck.fileName)
            precondition(images.pixels.count == images.count * images.rows * images.cols,
                         "\(images.pixels.count) pixels do not fill \(images.count)x\(images.rows)x\(images.cols)")
            precondition(images.fileSize == data.count, "fileSize \(images.fileSize) is not the input's \(data.count) bytes")
        } catch {
            FuzzCheck.expect(error, is: IDXError.self)
        }
        do {
            let labels = try IDXReader.decodeLabels(data, fileName: FuzzCheck.fileName)
            precondition(labels.labels.allSatisfy { $0 < 10 }, "a label outside 0–9 was accepted")
        } catch {
            FuzzCheck.expect(error, is: IDXError.self)
        }
    }
}
