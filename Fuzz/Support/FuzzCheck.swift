import FuzzerDriver

/// What every harness demands of an input its parser rejects: a typed error that names the input.
///
/// A broken promise stops the fuzzer with a trap, so libFuzzer keeps the input as a crash.
public enum FuzzCheck {
    /// The file name every harness gives its parser, so messages can be checked for it.
    public static let fileName = "fuzz-input"

    /// Traps unless `error` is an `E` whose one-line message starts with `fileName` and ": ".
    public static func expect<E: Error>(_ error: Error, is type: E.Type, naming fileName: String = fileName) {
        precondition(error is E, "expected \(E.self), got \(Swift.type(of: error)): \(error)")
        let message = "\(error)"
        precondition(message.hasPrefix(fileName + ": ") || message.hasPrefix(fileName + " "),
                     "the message does not name the input: \(message)")
        let breaks = message.unicodeScalars.contains {
            [.control, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory) && $0 != "\t"
        }
        precondition(!breaks, "the message is not one line: \(message)")
    }

    /// The bytes libFuzzer hands over (it may pass a null pointer for the empty input).
    public static func bytes(_ start: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
        guard let start, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: start, count: count))
    }
}

/// Hands the process to libFuzzer with a harness's entry point.
public enum FuzzDriver {
    /// Runs libFuzzer with the command line's flags and `testOneInput`; returns its exit status.
    public static func run(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
    }
}
