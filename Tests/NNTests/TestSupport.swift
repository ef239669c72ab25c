@testable import NN

/// Whether every element of `actual` is within `tolerance` of `expected` (and the counts match).
func isClose(_ actual: [Float], _ expected: [Float], tolerance: Float = 1e-6) -> Bool {
    actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) <= tolerance }
}

/// The population mean and standard deviation of `values`, computed in Double.
func meanAndStandardDeviation(_ values: [Float]) -> (mean: Double, std: Double) {
    let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
    let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)
    return (mean, variance.squareRoot())
}

/// A plain (non-parameter) tensor of `shape` holding `values`, as `print(tensor)` shows it.
func printed(_ shape: [Int], _ values: [Float]) -> String {
    TensorFormatter.format(shape: shape, values: values, isParameter: false)
}
