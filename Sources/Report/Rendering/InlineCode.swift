/// Splits prose into plain runs and `code` runs written between backticks, for `<code>` in the page.
enum InlineCode {
    /// A run of a paragraph.
    struct Segment: Equatable {
        /// The text, without the backticks.
        let text: String
        /// Whether the run was written between backticks.
        let isCode: Bool
    }

    /// The runs of `text`; an unpaired backtick stays literal text.
    static func segments(of text: String) -> [Segment] {
        var segments: [Segment] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "`") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "`") else { break }
            if open > rest.startIndex { segments.append(Segment(text: String(rest[..<open]), isCode: false)) }
            segments.append(Segment(text: String(rest[afterOpen..<close]), isCode: true))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { segments.append(Segment(text: String(rest), isCode: false)) }
        return segments
    }
}
