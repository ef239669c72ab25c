/// One piece of a section's body, in reading order.
public enum ReportBlock: Equatable, Sendable {
    /// A paragraph of plain text (HTML-escaped by the template).
    case paragraph(String)
    /// A warning about the run (plain text, `code` between backticks), set apart from the prose.
    case warning(String)
    /// Printed text shown in monospace.
    case output(PrintedOutput)
    /// A figure with caption and alt text.
    case figure(ReportFigure)
}
