import Foundation

/// Renumbers the element ids Cairo derives from process-wide counters, so the same drawing gives the same SVG bytes.
///
/// Cairo names `<g id="surfaceN">`, `<image id="imageN">` and `<pattern id="patternN">` after global
/// surface/pattern ids that keep growing within a process; glyph and clip ids are already per document.
/// Each such id is renumbered from 1 in order of first appearance, and every reference to it follows.
enum SVGIdentifiers {
    /// The id families Cairo numbers globally.
    private static let pattern = try! NSRegularExpression(pattern: "(id=\"|#)(surface|image|pattern|source|mask)([0-9]+)\\b")  // a constant pattern: a programmer error if invalid

    /// The document with its global ids renumbered per document.
    static func normalize(_ document: String) -> String {
        let source = document as NSString
        var numbering: [String: Int] = [:]       // "image13" -> 1
        var nextNumber: [String: Int] = [:]      // "image" -> next free number
        var output = ""
        output.reserveCapacity(document.utf8.count)
        var cursor = 0
        for match in pattern.matches(in: document, range: NSRange(location: 0, length: source.length)) {
            let prefix = source.substring(with: match.range(at: 1))
            let family = source.substring(with: match.range(at: 2))
            let original = family + source.substring(with: match.range(at: 3))
            let number: Int
            if let known = numbering[original] {
                number = known
            } else {
                number = (nextNumber[family] ?? 0) + 1
                nextNumber[family] = number
                numbering[original] = number
            }
            output += source.substring(with: NSRange(location: cursor, length: match.range.location - cursor))
            output += "\(prefix)\(family)\(number)"
            cursor = match.range.location + match.range.length
        }
        output += source.substring(from: cursor)
        return output
    }
}
