import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the command writes text: standard output, standard error, or a string in tests.
public protocol TextSink: AnyObject {
    /// Writes `text` as is.
    func write(_ text: String)
    /// Whether the sink is a terminal (progress lines are shown only then).
    var isTerminal: Bool { get }
}

/// A sink writing to a file descriptor (1 or 2).
public final class FileDescriptorSink: TextSink, Sendable {
    /// The descriptor.
    public let descriptor: Int32

    /// A sink for `descriptor`.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Standard output.
    public static let standardOutput = FileDescriptorSink(descriptor: STDOUT_FILENO)
    /// Standard error.
    public static let standardError = FileDescriptorSink(descriptor: STDERR_FILENO)

    /// Writes every byte, retrying after interruptions; a closed pipe loses the text silently.
    public func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { posixWrite(descriptor, $0.baseAddress!, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// `isatty(3)`.
    public var isTerminal: Bool { isatty(descriptor) == 1 }
}

/// write(2), named apart from the sinks' own `write`.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
