import Foundation

/// What the tests read back from a generated index.html (a deliberately small, regex-based reader of our own markup).
struct ReportPage {
    let html: String

    init(contentsOf url: URL) throws {
        html = try String(contentsOf: url, encoding: .utf8)
    }

    /// Ids of `<section class="experiment" id="...">`, in page order.
    var sectionIDs: [String] {
        matches(#"<section class="experiment" id="([^"]+)""#).map { $0[0] }
    }

    /// Section titles as text, in page order.
    var sectionTitles: [String] {
        matches(#"<h2 id="[^"]+-title"><span class="number">\d+\.</span> (.*?) <a class="anchor""#).map { ReportPage.unescape($0[0]) }
    }

    /// Table-of-contents links, in order.
    var tocLinks: [String] {
        guard let start = html.range(of: "<nav class=\"toc\""), let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex) else { return [] }
        return ReportPage.matches(##"<a href="#([^"]+)">"##, in: String(html[start.lowerBound..<end.upperBound])).map { $0[0] }
    }

    /// Every `<img>` with its attributes.
    var images: [[String: String]] {
        matches(#"<img ([^>]*)>"#).map { match in
            Dictionary(ReportPage.matches(#"([a-z]+)="([^"]*)""#, in: match[0]).map { ($0[0], ReportPage.unescape($0[1])) },
                       uniquingKeysWith: { first, _ in first })
        }
    }

    /// The text of every `<pre><code>` block, unescaped, in order.
    var preformatted: [String] {
        matches(#"<pre><code>(.*?)</code></pre>"#, dotAll: true).map { ReportPage.unescape($0[0]) }
    }

    /// The page as text: no style block, no tags, entities decoded, blank lines dropped, lines trimmed.
    var text: String {
        var body = html
        if let start = body.range(of: "<style>"), let end = body.range(of: "</style>") { body.removeSubrange(start.lowerBound..<end.upperBound) }
        // Cells and terms are separated by " | " so that a table row reads as a row.
        let separated = body.replacingOccurrences(of: #"</(td|th|dt)>(?=<(td|th|dd))"#, with: " | ", options: .regularExpression)
        let noTags = separated.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
        return ReportPage.unescape(noTags).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n") + "\n"
    }

    func matches(_ pattern: String, dotAll: Bool = false) -> [[String]] {
        ReportPage.matches(pattern, in: html, dotAll: dotAll)
    }

    static func matches(_ pattern: String, in text: String, dotAll: Bool = false) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: dotAll ? [.dotMatchesLineSeparators] : [])  // fixed test patterns
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { match in
            (1..<match.numberOfRanges).map { String(text[Range(match.range(at: $0), in: text)!]) }
        }
    }

    /// Decodes the entities Mustache produces (and numeric ones).
    static func unescape(_ text: String) -> String {
        var result = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&#x2F;", "/")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result.replacingOccurrences(of: "&amp;", with: "&")
    }
}
