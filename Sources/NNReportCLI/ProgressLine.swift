import Foundation

/// One line on a terminal rewritten in place (carriage return, erase to the end of the line), at most every
/// `interval` seconds, and erased before other text is printed.
final class ProgressLine: @unchecked Sendable {
    /// Where the line goes: a terminal.
    private let sink: TextSink
    /// The shortest time between two rewrites.
    private let interval: Duration
    /// Guards `lastShown` and `showing` (training reports from its own thread).
    private let lock = NSLock()
    /// When the line was last written.
    private var lastShown: ContinuousClock.Instant?
    /// Whether a line is on screen now.
    private var showing = false

    /// A progress line on `sink`, rewritten at most every `interval`.
    init(sink: TextSink, interval: Duration = .milliseconds(100)) {
        self.sink = sink
        self.interval = interval
    }

    /// Shows `text` in place of the current line, unless the last rewrite was less than `interval` ago and the
    /// update is not `immediate`.
    func update(_ text: String, immediate: Bool = false) {
        lock.withLock {
            let now = ContinuousClock.now
            if !immediate, let lastShown, lastShown.duration(to: now) < interval { return }
            lastShown = now
            showing = true
            sink.write("\r\u{1B}[K" + text)
        }
    }

    /// Erases the line, if one is shown, so the next text starts on a clean line.
    func clear() {
        lock.withLock {
            guard showing else { return }
            showing = false
            lastShown = nil
            sink.write("\r\u{1B}[K")
        }
    }
}
