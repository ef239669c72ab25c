import Foundation

/// Golden lines marked `≈ ` hold numbers that come out of matrix products, whose last digits depend
/// on the kernel's order of summation (OpenBLAS's core types each sum in their own order).
///
/// Such a line matches when its words are the same and each number is close: a decimal within two
/// units of its last printed digit or 1e-6 (deviations of a float32 rounding error), an integer
/// (a row index or an argmax between near-equal values) anything. Lines marked `≈≈ ` hold what a
/// training run gives: there one rounding difference can flip a ReLU and grow over hundreds of steps
/// (OpenBLAS SkylakeX does, at step 19 of the default run), so each decimal need only be within 1% of
/// its value (a percentage within 1% plus 0.3: three test images of 1,000). Unmarked lines match exactly.
public enum KernelDependentText {
    /// The marker at the start of a golden line that holds matrix products.
    public static let marker = "≈ "
    /// The marker at the start of a golden line that holds the results of a training run.
    public static let trainingMarker = "≈≈ "

    /// Whether the `actual` page text matches the golden `expected` under these rules.
    public static func firstMismatch(expected: String, actual: String) -> Int? {
        let expectedLines = lines(expected), actualLines = lines(actual)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            guard index < expectedLines.count, index < actualLines.count else { return index }
            if !lineMatches(expected: expectedLines[index], actual: actualLines[index]) { return index }
        }
        return nil
    }

    /// Whether one golden line (with or without its marker) matches one actual line.
    public static func lineMatches(expected: Substring, actual: Substring) -> Bool {
        let trained = expected.hasPrefix(trainingMarker)
        guard trained || expected.hasPrefix(marker) else { return expected == actual }
        let golden = Shape(expected.dropFirst((trained ? trainingMarker : marker).count)), found = Shape(actual)
        guard golden.words == found.words, golden.numbers.count == found.numbers.count else { return false }
        return zip(golden.numbers, found.numbers).allSatisfy { close($0, $1, trained: trained) }
    }

    /// `text` with the marker on each line that, with the line before it, is shaped like a marked line
    /// of `golden` and its predecessor, so re-recording keeps the marks (and `tensor(6)` printed as a
    /// label is not taken for `tensor(9)` printed as an argmax).
    public static func marking(_ text: String, like golden: String) -> String {
        let goldenLines = lines(golden).map { line -> (mark: String?, line: Substring) in
            for mark in [trainingMarker, marker] where line.hasPrefix(mark) { return (mark, line.dropFirst(mark.count)) }
            return (nil, line)
        }
        var marks: [String: String] = [:]
        for (index, golden) in goldenLines.enumerated() {
            guard let mark = golden.mark else { continue }
            marks[shapeKey(golden.line, after: index > 0 ? goldenLines[index - 1].line : nil)] = mark
        }
        let textLines = lines(text)
        return textLines.enumerated().map { index, line in
            (marks[shapeKey(line, after: index > 0 ? textLines[index - 1] : nil)] ?? "") + line
        }.joined(separator: "\n")
    }

    /// The shapes of a line and the line before it.
    private static func shapeKey(_ line: Substring, after previous: Substring?) -> String {
        (previous.map { Shape($0).words } ?? "") + "\n" + Shape(line).words
    }

    // MARK: - Numbers

    /// A line split into its words (numbers replaced by `#`) and its numbers as printed.
    private struct Shape {
        let words: String
        let numbers: [Substring]

        init(_ line: Substring) {
            var words = "", numbers: [Substring] = []
            var index = line.startIndex
            while index < line.endIndex {
                if let end = KernelDependentText.numberEnd(in: line, from: index) {
                    numbers.append(line[index..<end])
                    words += "#"
                    index = end
                } else {
                    words.append(line[index])
                    index = line.index(after: index)
                }
            }
            self.words = words
            self.numbers = numbers
        }
    }

    /// Where a number starting at `start` ends (`-1.5e-07`, `−3`, `0.1142`), or nil if none starts there.
    private static func numberEnd(in line: Substring, from start: Substring.Index) -> Substring.Index? {
        var index = start
        if line[index] == "-" || line[index] == "−" { index = line.index(after: index) }
        let digitsStart = index
        while index < line.endIndex, line[index].isASCII, line[index].isNumber { index = line.index(after: index) }
        guard index > digitsStart else { return nil }
        if start > line.startIndex {
            // Part of a word such as "relu-784" or "x2": not a number of its own.
            let before = line[line.index(before: start)]
            if before.isLetter || before == "_" { return nil }
        }
        if index < line.endIndex, line[index] == ".", line.index(after: index) < line.endIndex,
           line[line.index(after: index)].isNumber {
            index = line.index(after: index)
            while index < line.endIndex, line[index].isASCII, line[index].isNumber { index = line.index(after: index) }
        }
        if index < line.endIndex, line[index] == "e" {
            var exponent = line.index(after: index)
            if exponent < line.endIndex, line[exponent] == "-" || line[exponent] == "+" { exponent = line.index(after: exponent) }
            let exponentDigits = exponent
            while exponent < line.endIndex, line[exponent].isNumber { exponent = line.index(after: exponent) }
            if exponent > exponentDigits { index = exponent }
        }
        return index
    }

    /// Two printed numbers agree as products from different kernels may (`trained`: as training runs may).
    private static func close(_ golden: Substring, _ found: Substring, trained: Bool) -> Bool {
        let isInteger = !golden.contains(".") && !golden.contains("e")
        if isInteger { return !found.contains(".") && !found.contains("e") }
        guard let expected = value(golden), let actual = value(found) else { return golden == found }
        // A percentage (two decimals or fewer) also moves by up to 3 of 1,000 test images.
        let tolerance = trained ? 0.01 * abs(expected) + (lastPlace(golden) >= 0.01 ? 0.3 : 1e-6)
            : 2 * lastPlace(golden) + 1e-6
        return abs(expected - actual) <= tolerance
    }

    /// The printed number as a Double (U+2212 read as a minus sign).
    private static func value(_ text: Substring) -> Double? {
        Double(text.replacingOccurrences(of: "−", with: "-"))
    }

    /// The value of one unit in the last printed digit: 1e-4 for `-3.7066`, 1e-10 for `5.96e-08`.
    private static func lastPlace(_ text: Substring) -> Double {
        let mantissa = text.split(separator: "e").first ?? text
        let exponent = text.split(separator: "e").dropFirst().first.flatMap { Int($0) } ?? 0
        let decimals = mantissa.split(separator: ".").dropFirst().first?.count ?? 0
        return pow(10, Double(exponent - decimals))
    }

    private static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }
}
