import ArgumentParser

/// Placeholder root command; replaced by the CLI implementation.
public struct NNReportCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "nnreport")
    public init() {}
    public func run() async throws {}
}
