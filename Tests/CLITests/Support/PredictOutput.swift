import Foundation

/// `nnreport predict --json`'s output read back exactly: each number parsed straight to a float32, not via Double.
struct PredictOutput: Equatable {
    /// One image's object.
    struct Image: Equatable {
        let probabilities: [Float]
        let prediction: Int
        let label: Int?
    }

    let images: [Image]

    /// Parses the one-object-per-line array that `predict --json` prints; nil if the text is not in that form.
    init?(json: String) {
        var lines = json.split(separator: "\n").map(String.init)
        guard lines.first == "[", lines.last == "]" else { return nil }
        lines.removeFirst()
        lines.removeLast()
        var images: [Image] = []
        for line in lines {
            let pattern = #"^  \{"probabilities": \[([^\]]*)\], "prediction": (\d+)(?:, "label": (\d+))?\},?$"#
            guard let match = line.range(of: pattern, options: .regularExpression), match == line.startIndex..<line.endIndex,
                  let regex = try? NSRegularExpression(pattern: pattern),
                  let result = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { return nil }
            func group(_ index: Int) -> String? {
                Range(result.range(at: index), in: line).map { String(line[$0]) }
            }
            let numbers = (group(1) ?? "").components(separatedBy: ", ").compactMap(Float.init)
            guard numbers.count == 10, let prediction = group(2).flatMap(Int.init) else { return nil }
            images.append(Image(probabilities: numbers, prediction: prediction, label: group(3).flatMap(Int.init)))
        }
        self.images = images
    }
}
