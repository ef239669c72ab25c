/// Whether operations record the autograd graph (`torch.is_grad_enabled`), per task or thread.
///
/// On by default; `withNoGrad` turns it off for a scope, like `with torch.no_grad():`, so that
/// evaluation and optimiser updates build no graph and keep no operands alive.
public enum GradMode {
    /// Whether operations on tensors that require grad are recorded here and now.
    public static var isEnabled: Bool { enabled }

    /// Runs `body` with recording off (`torch.no_grad()`); results of operations inside do not require grad.
    public static func withNoGrad<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        try withRecording(false, body)
    }

    /// Runs `body` with recording on (`torch.enable_grad()`), even inside a no-grad scope.
    public static func withGrad<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        try withRecording(true, body)
    }

    /// Runs `body` with `isEnabled` set to `value`.
    private static func withRecording<Result, Failure: Error>(
        _ value: Bool, _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let result: Swift.Result<Result, Failure> = $enabled.withValue(value) {
            do throws(Failure) { return .success(try body()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    @TaskLocal private static var enabled = true
}

/// Runs `body` without recording the autograd graph, like `with torch.no_grad():`.
public func withNoGrad<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
    try GradMode.withNoGrad(body)
}
