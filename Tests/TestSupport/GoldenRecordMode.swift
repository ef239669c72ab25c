import Foundation

/// When golden images are (re)recorded, from `NNREPORT_RECORD_GOLDENS`; CI never records.
public enum GoldenRecordMode: String, CaseIterable, Sendable {
    /// Record every golden that is missing or differs.
    case all
    /// Record goldens that are missing or fail the comparison.
    case failed
    /// Record only goldens that do not exist yet (the local default).
    case missing
    /// Never record; a missing golden fails (the only mode in CI).
    case never

    /// The environment variable that selects the mode.
    public static let environmentVariable = "NNREPORT_RECORD_GOLDENS"

    /// The mode the environment asks for, or the reason it cannot be used.
    ///
    /// Unset: `missing` locally, `never` when `CI` is set. In CI any mode but `never` is refused, so
    /// a CI run can never overwrite a golden and pass.
    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<GoldenRecordMode, GoldenConfigurationError> {
        let inCI = !(environment["CI"] ?? "").isEmpty
        guard let raw = environment[environmentVariable], !raw.isEmpty else { return .success(inCI ? .never : .missing) }
        guard let mode = GoldenRecordMode(rawValue: raw.lowercased()) else {
            return .failure(GoldenConfigurationError(description:
                "\(environmentVariable)=\(raw) is not one of \(allCases.map(\.rawValue).joined(separator: "|"))"))
        }
        if inCI && mode != .never {
            return .failure(GoldenConfigurationError(description:
                "\(environmentVariable)=\(raw) refused: goldens are never recorded in CI (CI is set)"))
        }
        return .success(mode)
    }
}

/// A record-mode setting that cannot be honoured.
public struct GoldenConfigurationError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// One line saying what is wrong.
    public let description: String
    /// The same line, for `localizedDescription`.
    public var errorDescription: String? { description }
}
