import Foundation

/// Bad input to the plotting API, reported as one readable line.
public enum PlottingError: Error, Equatable, LocalizedError, CustomStringConvertible {
    /// A value that must be finite is NaN or infinite (`what` names the argument, `index` the first offending element).
    case nonFiniteValue(what: String, index: Int, value: Double)
    /// An argument that needs at least one element is empty.
    case emptyData(what: String)
    /// Two arguments that must have the same length do not.
    case lengthMismatch(what: String, expected: Int, actual: Int)
    /// A figure size (in inches) or dpi that is zero, negative or not finite.
    case invalidFigureSize(width: Double, height: Double, dpi: Double)
    /// A subplot grid or ratio list that cannot be laid out.
    case invalidGrid(String)
    /// An axis range, aspect or other scalar argument that is unusable.
    case invalidArgument(what: String, reason: String)

    /// The one-line message.
    public var description: String {
        switch self {
        case let .nonFiniteValue(what, index, value):
            return "Plotting: \(what)[\(index)] is \(value); values must be finite"
        case let .emptyData(what):
            return "Plotting: \(what) is empty; at least one value is needed"
        case let .lengthMismatch(what, expected, actual):
            return "Plotting: \(what) has \(actual) elements, expected \(expected)"
        case let .invalidFigureSize(width, height, dpi):
            return "Plotting: figure size \(width)x\(height) in at \(dpi) dpi is invalid; width, height and dpi must be finite and positive"
        case let .invalidGrid(reason):
            return "Plotting: invalid subplot grid: \(reason)"
        case let .invalidArgument(what, reason):
            return "Plotting: invalid \(what): \(reason)"
        }
    }

    /// Same as `description`, for `LocalizedError`.
    public var errorDescription: String? { description }
}

// MARK: - Validation helpers

/// Argument checks shared by the plotting verbs and the figures built on them.
extension PlottingError {
    /// Throws if `values` is empty or holds a non-finite element.
    public static func checkFinite<C: Collection>(_ values: C, _ what: String, allowEmpty: Bool = false) throws
    where C.Element: BinaryFloatingPoint {
        if values.isEmpty && !allowEmpty { throw PlottingError.emptyData(what: what) }
        for (index, value) in values.enumerated() where !value.isFinite {
            throw PlottingError.nonFiniteValue(what: what, index: index, value: Double(value))
        }
    }

    /// Throws if a scalar is not finite.
    static func checkFinite(_ value: Double, _ what: String) throws {
        if !value.isFinite { throw PlottingError.nonFiniteValue(what: what, index: 0, value: value) }
    }

    /// Throws if two lengths differ.
    public static func checkLength(_ actual: Int, _ expected: Int, _ what: String) throws {
        if actual != expected { throw PlottingError.lengthMismatch(what: what, expected: expected, actual: actual) }
    }
}
