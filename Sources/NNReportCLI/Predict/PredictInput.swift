import Datasets
import Foundation
import Report

/// The images (and labels) `nnreport predict` classifies, read with the Datasets target's full IDX validation.
struct PredictInput {
    /// The images, 28×28 each.
    let images: IDXImages
    /// Their labels, one per image, if a labels file was given.
    let labels: IDXLabels?

    /// Reads `imagesPath` and, if given, `labelsPath`; the images must be 28×28 and the counts must agree.
    init(imagesPath: String, labelsPath: String?) throws {
        let images = try IDXReader.readImages(path: imagesPath)
        guard images.rows == 28, images.cols == 28 else {
            throw PredictInputError(message: "\(fileName(imagesPath)): images are \(images.rows)x\(images.cols) pixels; the lesson's network takes 28x28 (784 inputs)")
        }
        let labels = try labelsPath.map { try IDXReader.readLabels(path: $0) }
        if let labels, let labelsPath, labels.labels.count != images.count {
            throw IDXError.countMismatch(imagesFile: fileName(imagesPath), images: images.count,
                                         labelsFile: fileName(labelsPath), labels: labels.labels.count)
        }
        self.images = images
        self.labels = labels
    }
}

/// Images the lesson's network cannot take, as one line naming the file (a data error, 65).
struct PredictInputError: Error, CustomStringConvertible, ClassifiedError {
    /// What is wrong, starting with the file's name.
    let message: String

    /// The message.
    var description: String { message }

    /// A data error.
    var failureKind: FailureKind { .dataError }
}

/// The last component of `path`, as the IDX reader names files in its errors.
private func fileName(_ path: String) -> String {
    URL(fileURLWithPath: path).lastPathComponent
}
