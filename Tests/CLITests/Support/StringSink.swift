import NNReportCLI

/// A sink collecting text in memory, for tests.
final class StringSink: TextSink {
    /// Everything written so far.
    private(set) var text = ""
    /// Whether to pretend to be a terminal.
    var isTerminal: Bool

    /// An empty sink.
    init(isTerminal: Bool = false) {
        self.isTerminal = isTerminal
    }

    /// Appends `text`.
    func write(_ text: String) {
        self.text += text
    }
}
