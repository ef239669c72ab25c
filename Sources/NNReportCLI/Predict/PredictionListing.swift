import Foundation

/// `nnreport predict`'s output: an aligned table for people, or JSON for programs.
enum PredictionListing {
    /// One row per image — index, predicted class, its probability (4 decimals), the label and `*` on a mistake
    /// when labels are given — then, with labels, the accuracy.
    static func text(_ result: ImagePredictions) -> String {
        let predictions = result.predictions
        let indexWidth = max("image".count, String(max(0, predictions.count - 1)).count)
        var header = pad("image", indexWidth) + "  prediction  probability"
        if result.labels != nil { header += "  label" }
        var lines = [header]
        for (index, prediction) in predictions.enumerated() {
            let probability = result.probabilities[index][prediction]
            var line = pad(String(index), indexWidth) + "  " + pad(String(prediction), 10) + "  "
                + pad(probability.isFinite ? formatted(probability) : "\(probability)", 11)
            if let label = result.labels?[index] {
                line += "  " + pad(String(label), 5) + (label == prediction ? "" : "  *")
            }
            lines.append(line)
        }
        if let correct = result.correctCount, let labels = result.labels {
            let share = labels.isEmpty ? 0 : Double(correct) / Double(labels.count) * 100
            lines.append("accuracy: \(correct) of \(labels.count) = \(formatted(share, decimals: 1))% (* marks a wrong prediction)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON array, one object per image on its own line: `probabilities` (10 numbers, each the shortest
    /// decimal that reads back as the same float32; `null` if not finite), `prediction`, and `label` if given.
    static func json(_ result: ImagePredictions) -> String {
        let predictions = result.predictions
        let objects = predictions.indices.map { index in
            let numbers = result.probabilities[index].map { $0.isFinite ? $0.description : "null" }.joined(separator: ", ")
            var object = "{\"probabilities\": [\(numbers)], \"prediction\": \(predictions[index])"
            if let label = result.labels?[index] { object += ", \"label\": \(label)" }
            return "  " + object + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// `text` right-aligned in `width` columns.
    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// A number with a fixed count of decimals.
    private static func formatted<Value: BinaryFloatingPoint>(_ value: Value, decimals: Int = 4) -> String {
        String(format: "%.\(decimals)f", Double(value))
    }
}
