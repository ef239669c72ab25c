import Foundation

/// How the page writes a duration: milliseconds under one second, else seconds.
enum DurationFormat {
    /// "12.3 ms" or "1.24 s".
    static func string(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }

    /// Seconds rounded to microseconds, for report.json.
    static func rounded(_ seconds: Double) -> Double {
        (seconds * 1e6).rounded() / 1e6
    }
}
