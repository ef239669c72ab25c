import Foundation

/// Reading one experiment's `<section>` out of a generated page (our own markup, see Sources/Report/Resources/templates/section.mustache).
extension ReportPage {
    /// The markup of `<section class="experiment" id="<id>" …>…</section>`, or nil if there is none.
    func sectionHTML(_ id: String) -> String? {
        guard let start = html.range(of: "<section class=\"experiment\" id=\"\(id)\""),
              let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// Where `needle` first occurs in the page, as a character offset (nil if absent), for order checks.
    func offset(of needle: String) -> Int? {
        html.range(of: needle).map { html.distance(from: html.startIndex, to: $0.lowerBound) }
    }

    /// The `<h2>` title of a section's markup, unescaped.
    static func title(inSection section: String) -> String? {
        matches(#"<h2 id="[^"]+-title"><span class="number">\d+\.</span> (.*?) <a class="anchor""#, in: section).first.map { unescape($0[0]) }
    }

    /// The prose paragraphs of a section's markup (tags removed, unescaped), without its time line.
    static func paragraphs(inSection section: String) -> [String] {
        matches(#"<p>(.*?)</p>"#, in: section, dotAll: true).map {
            unescape($0[0].replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression))
        }
    }

    /// The time line of a section's markup (`<p class="duration">…</p>`), as text.
    static func timeLine(inSection section: String) -> String? {
        matches(#"<p class="duration">(.*?)</p>"#, in: section).first.map { unescape($0[0]) }
    }

    /// The raw (still escaped) contents of every `<pre><code>` in a section's markup.
    static func preformattedMarkup(inSection section: String) -> [String] {
        matches(#"<pre><code>(.*?)</code></pre>"#, in: section, dotAll: true).map { $0[0] }
    }

    /// `text` escaped as Mustache's `{{…}}` escapes it: `& < > " '`.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
