#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders numbers the way Python's `str.format` does for the specs PyTorch printing uses.
///
/// Finite values go through C `printf`, which, like Python, rounds the exact binary value
/// (half-to-even on ties) and writes at least two exponent digits; non-finite values are
/// spelled as Python spells them (`nan`, `inf`, `-inf`, never C's `-nan`).
enum PythonNumberFormat {
    /// `'{:.<precision>f}'.format(value)`, e.g. `-0.0234` or, with precision 0, `3`.
    static func fixed(_ value: Double, precision: Int) -> String {
        if let special = nonFinite(value) { return special }
        return printf("%.\(precision)f", value)
    }

    /// `'{:.<precision>e}'.format(value)`, e.g. `1.0000e-05`.
    static func scientific(_ value: Double, precision: Int) -> String {
        if let special = nonFinite(value) { return special }
        return printf("%.\(precision)e", value)
    }

    /// Python's spelling of NaN and the infinities, or `nil` for finite values.
    static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }

    /// Formats one `Double` with a C format string holding exactly one `double` conversion.
    private static func printf(_ format: String, _ value: Double) -> String {
        // 64 bytes hold any %.Nf of a Float32-range value with N <= 8; grow when needed.
        var capacity = 64
        while true {
            var buffer = [CChar](repeating: 0, count: capacity)
            let written = withVaList([value]) { arguments in
                buffer.withUnsafeMutableBufferPointer { pointer in
                    vsnprintf(pointer.baseAddress, capacity, format, arguments)
                }
            }
            precondition(written >= 0, "vsnprintf failed for format \(format)")
            if Int(written) < capacity {
                let bytes = buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }
                return String(decoding: bytes, as: UTF8.self)
            }
            capacity = Int(written) + 1
        }
    }
}
