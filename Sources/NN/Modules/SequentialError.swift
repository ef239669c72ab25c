import Foundation

/// Why a named `Sequential` could not be built from the given (name, module) pairs.
public enum SequentialError: Error, Equatable, LocalizedError, CustomStringConvertible {
    /// The name at `position` was already used by an earlier module.
    case duplicateName(String, position: Int)
    /// The name at `position` is empty or contains a dot, which PyTorch's state-dict names forbid.
    case invalidName(String, position: Int)

    /// One line saying which name is wrong and where.
    public var description: String {
        switch self {
        case let .duplicateName(name, position):
            return "Sequential: duplicate module name \"\(name)\" at position \(position)"
        case let .invalidName(name, position):
            return "Sequential: invalid module name \"\(name)\" at position \(position) (must be non-empty without \".\")"
        }
    }

    /// The same line as `description`, for `localizedDescription`.
    public var errorDescription: String? { description }
}
