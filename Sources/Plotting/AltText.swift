import Foundation

/// Helpers for describing a figure's data in words (alt text and captions), deterministic and locale-free.
public enum AltText {
    /// A number with `significant` significant digits: plain decimals for 1e-4...1e6, scientific otherwise
    /// (e.g. 0.93, 12, 1.2e-07); the hyphen-minus is kept so screen readers read it.
    public static func number(_ value: Double, significant: Int = 2) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "infinity" : "minus infinity") }
        if value == 0 { return "0" }
        let digits = max(1, significant)
        let magnitude = abs(value)
        if magnitude >= 1e-4 && magnitude < 1e6 {
            let exponent = Int(log10(magnitude).rounded(.down))
            let decimals = max(0, digits - 1 - exponent)
            var text = String(format: "%.\(decimals)f", value)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text
        }
        // Scientific, without trailing mantissa zeros: 1e-06, 1.2e-07.
        let text = String(format: "%.\(digits - 1)e", value)
        guard let e = text.firstIndex(of: "e"), text[..<e].contains(".") else { return text }
        var mantissa = String(text[..<e])
        while mantissa.hasSuffix("0") { mantissa.removeLast() }
        if mantissa.hasSuffix(".") { mantissa.removeLast() }
        return mantissa + text[e...]
    }

    /// A whole number with commas between groups of three digits: 60000 → "60,000" (fixed, locale-independent).
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// The indices of `values` from largest to smallest (ties keep index order).
    public static func ranking<T: BinaryFloatingPoint>(_ values: [T]) -> [Int] {
        values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
    }

    /// "a, b and c" style list.
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}
