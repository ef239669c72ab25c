@testable import NNReportCLI
import Testing

/// The training line on a terminal: rewritten in place, at most once per interval unless immediate, erased once.
@Suite struct ProgressLineTests {
    @Test func rewritesAreThrottledUnlessImmediateAndClearingErasesOnce() {
        let sink = StringSink(isTerminal: true)
        let line = ProgressLine(sink: sink, interval: .seconds(3600))
        line.update("one")
        line.update("two")   // within the interval: dropped
        line.update("three", immediate: true)
        #expect(sink.text == "\r\u{1B}[Kone\r\u{1B}[Kthree")
        line.clear()
        line.clear()   // nothing shown any more: nothing to erase
        #expect(sink.text == "\r\u{1B}[Kone\r\u{1B}[Kthree\r\u{1B}[K")
        line.update("four")   // after a clear the next update shows at once
        #expect(sink.text.hasSuffix("\r\u{1B}[Kfour"))
    }
}
