/// Converting little-endian stored elements to `Float`, exactly as PyTorch's `.float()` does.
extension ElementType {
    /// Decodes `count` elements starting at byte `offset` of `bytes` (little-endian).
    ///
    /// float16 and bfloat16 widen exactly; float64 rounds to nearest, ties to even.
    /// The caller has checked that `offset + count * byteCount <= bytes.count`.
    func decode(_ bytes: UnsafeRawBufferPointer, offset: Int, count: Int) -> [Float] {
        precondition(offset >= 0 && count >= 0 && offset + count * byteCount <= bytes.count,
                     "ElementType.decode: \(count) \(rawValue) elements at \(offset) exceed \(bytes.count) bytes")
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            switch self {
            case .float32:
                for index in 0..<count {
                    let bits = bytes.loadUnaligned(fromByteOffset: offset + 4 * index, as: UInt32.self)
                    buffer[index] = Float(bitPattern: UInt32(littleEndian: bits))
                }
            case .float16:
                for index in 0..<count {
                    let bits = bytes.loadUnaligned(fromByteOffset: offset + 2 * index, as: UInt16.self)
                    buffer[index] = Self.widenHalf(UInt16(littleEndian: bits))
                }
            case .bfloat16:
                for index in 0..<count {
                    let bits = bytes.loadUnaligned(fromByteOffset: offset + 2 * index, as: UInt16.self)
                    // bfloat16 is the upper half of a float32.
                    buffer[index] = Float(bitPattern: UInt32(UInt16(littleEndian: bits)) << 16)
                }
            case .float64:
                for index in 0..<count {
                    let bits = bytes.loadUnaligned(fromByteOffset: offset + 8 * index, as: UInt64.self)
                    buffer[index] = Float(Double(bitPattern: UInt64(littleEndian: bits)))
                }
            }
            initialized = count
        }
    }

    /// The IEEE binary16 value with bit pattern `bits`, widened exactly to binary32.
    ///
    /// Written out rather than through `Float16`, which Swift does not offer on every platform.
    static func widenHalf(_ bits: UInt16) -> Float {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = UInt32(bits >> 10) & 0x1F
        let mantissa = UInt32(bits & 0x03FF)
        switch exponent {
        case 0x1F:
            // Infinity or NaN: keep the payload in the top mantissa bits.
            return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
        case 0 where mantissa == 0:
            return Float(bitPattern: sign)
        case 0:
            // Subnormal half: mantissa · 2^-24, exact in binary32.
            let magnitude = Float(mantissa) * 0x1p-24
            return sign == 0 ? magnitude : -magnitude
        default:
            // Rebias the exponent from 15 to 127.
            return Float(bitPattern: sign | ((exponent + 112) << 23) | (mantissa << 13))
        }
    }
}
