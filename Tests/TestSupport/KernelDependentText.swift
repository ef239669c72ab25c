import Foundation

/// Golden lines marked `≈ ` hold numbers that come out of matrix products, whose last digits depend
/// on the kernel's order of summation (OpenBLAS's core types each sum in their own order).
///
/// Such a line matches when its words are the same and each number is close: a decimal within two
/// units of its last printed digit or 1e-6 (deviations of a float32 rounding error), an integer
/// (a row index or an argmax between near-equal values) anything. Unmarked lines match exactly.
public enum KernelDependentText {
    /// The marker at the start of a golden line.
    public static let marker = "≈ "

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
        guard expected.hasPrefix(marker) else { return expected == actual }
        let golden = Shape(expected.dropFirst(marker.count)), found = Shape(actual)
        guard golden.words == found.words, golden.numbers.count == found.numbers.count else { return false }
        return zip(golden.numbers, found.numbers).allSatisfy(close)
    }

    /// `text` with the marker on each line that, with the line before it, is shaped like a marked line
    /// of `golden` and its predecessor, so re-recording keeps the marks (and `tensor(6)` printed as a
    /// label is not taken for `tensor(9)` printed as an argmax).
    public static func marking(_ text: String, like golden: String) -> String {
        let goldenLines = lines(golden).map { $0.hasPrefix(marker) ? (true, $0.dropFirst(marker.count)) : (false, $0) }
        var markedShapes = Set<String>()
        for (index, (marked, line)) in goldenLines.enumerated() where marked {
            markedShapes.insert(shapeKey(line, after: index > 0 ? goldenLines[index - 1].1 : nil))
        }
        let textLines = lines(text)
        return textLines.enumerated().map { index, line in
            markedShapes.contains(shapeKey(line, after: index > 0 ? textLines[index - 1] : nil)) ? marker + line : line
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

    /// Two printed numbers agree as products from different kernels may.
    private static func close(_ golden: Substring, _ found: Substring) -> Bool {
        let isInteger = !golden.contains(".") && !golden.contains("e")
        if isInteger { return !found.contains(".") && !found.contains("e") }
        guard let expected = value(golden), let actual = value(found) else { return golden == found }
        return abs(expected - actual) <= 2 * lastPlace(golden) + 1e-6
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
